/**
 * The status bar item shown while the server works on a large file. The client counts its own pending
 * requests (diagnostics, hover, code actions, lenses, hints, completion) for documents over
 * LARGE_FILE_CHARS, through the language client's middleware; the item shows while any is pending.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { COMMAND_IDS, LARGE_FILE_CHARS } from './constants';

export interface AnalysingEvent {
  readonly uri: string;
  readonly analysing: boolean;
}

export class LargeFileStatus implements vscode.Disposable {
  private readonly pending = new Map<string, number>();
  private readonly item: vscode.StatusBarItem;
  private readonly changed = new vscode.EventEmitter<AnalysingEvent>();
  readonly onDidChange = this.changed.event;

  constructor() {
    this.item = vscode.window.createStatusBarItem('oneloginCodes.analysing', vscode.StatusBarAlignment.Left, 0);
    this.item.name = vscode.l10n.t('OneLogin codes: analysis of large files');
    this.item.command = COMMAND_IDS.showOutput;
  }

  /** Documents with a pending request, as URI strings. */
  analysing(): string[] {
    return [...this.pending.keys()];
  }

  /** Runs `work` for `document`, showing the item meanwhile when the document is large. */
  async track<T>(document: vscode.TextDocument | vscode.Uri, work: () => T | Thenable<T>): Promise<T> {
    if (document instanceof vscode.Uri) return work();
    const chars = sizeOf(document);
    if (chars <= LARGE_FILE_CHARS) return work();
    const uri = document.uri.toString();
    this.begin(uri, document.uri, chars);
    try {
      return await work();
    } finally {
      this.end(uri);
    }
  }

  middleware(): Middleware {
    return {
      provideDiagnostics: (document, previousResultId, token, next) => this.track(document, () => next(document, previousResultId, token)),
      provideHover: (document, position, token, next) => this.track(document, () => next(document, position, token)),
      provideCodeActions: (document, range, context, token, next) => this.track(document, () => next(document, range, context, token)),
      provideCodeLenses: (document, token, next) => this.track(document, () => next(document, token)),
      provideInlayHints: (document, range, token, next) => this.track(document, () => next(document, range, token)),
      provideCompletionItem: (document, position, context, token, next) => this.track(document, () => next(document, position, context, token)),
    };
  }

  private begin(uri: string, resource: vscode.Uri, chars: number): void {
    const count = (this.pending.get(uri) ?? 0) + 1;
    this.pending.set(uri, count);
    const name = resource.path.split('/').pop() ?? uri;
    const kb = Math.round(chars / 1024);
    this.item.text = `$(sync~spin) ${vscode.l10n.t('OneLogin codes: analysing {0}…', name)}`;
    this.item.tooltip = vscode.l10n.t('The OneLogin codes server is analysing {0} ({1} KB).', name, kb);
    this.item.show();
    if (count === 1) this.changed.fire({ uri, analysing: true });
  }

  private end(uri: string): void {
    const count = (this.pending.get(uri) ?? 1) - 1;
    if (count > 0) {
      this.pending.set(uri, count);
      return;
    }
    this.pending.delete(uri);
    if (this.pending.size === 0) this.item.hide();
    this.changed.fire({ uri, analysing: false });
  }

  dispose(): void {
    this.item.dispose();
    this.changed.dispose();
  }
}

/** The document's length in UTF-16 units, without copying its text. */
function sizeOf(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
