/**
 * The server's open documents, as LSP sees them (UTF-16 positions; `\n`, `\r\n` and a lone `\r` end a
 * line), kept up to date by incremental changes.
 *
 * Why not vscode-languageserver-textdocument's own: it finds line starts with a loop over every
 * character. On the way to a big file's first diagnostics that loop still runs as cold code, 3–12 ms
 * for 10k lines; native string search (`indexOf`) takes ~0.6 ms. Its behaviour is the reference:
 * test/unit/open-document.test.ts compares the two on random texts and edits.
 */
import type { Position, Range, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import type { PositionMapper } from './line-index';

const CR = 13;
const LF = 10;

export class OpenDocument implements PositionMapper {
  /** Offset where each line starts; found when first needed. */
  private starts: number[] | undefined;

  private constructor(
    readonly uri: string,
    readonly languageId: string,
    public version: number,
    private text: string,
  ) {}

  /** For `new TextDocuments({ create, update })`. */
  static create(this: void, uri: string, languageId: string, version: number, text: string): OpenDocument {
    return new OpenDocument(uri, languageId, version, text);
  }

  static update(this: void, document: OpenDocument, changes: readonly TextDocumentContentChangeEvent[], version: number): OpenDocument {
    for (const change of changes) {
      if ('range' in change) document.replace(change.range, change.text);
      else {
        document.text = change.text;
        document.starts = undefined;
      }
    }
    document.version = version;
    return document;
  }

  getText(range?: Range): string {
    return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
  }

  get lineCount(): number {
    return this.lineStarts().length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts();
    const line = lineAt(starts, clamped);
    return { line, character: this.beforeLineBreak(clamped, starts[line]!) - starts[line]! };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts();
    if (position.line >= starts.length) return this.text.length;
    if (position.line < 0) return 0;
    const start = starts[position.line]!;
    if (position.character <= 0) return start;
    const next = position.line + 1 < starts.length ? starts[position.line + 1]! : this.text.length;
    return this.beforeLineBreak(Math.min(start + position.character, next), start);
  }

  private lineStarts(): number[] {
    return (this.starts ??= [0, ...lineStartsIn(this.text, 0)]);
  }

  /** A position past the end of its line's text means the end of that text, not its line break. */
  private beforeLineBreak(offset: number, lineStart: number): number {
    let at = offset;
    while (at > lineStart && isLineBreak(this.text.charCodeAt(at - 1))) at--;
    return at;
  }

  private replace(range: Range, inserted: string): void {
    const [from, to] = before(range.end, range.start) ? [range.end, range.start] : [range.start, range.end];
    const start = this.offsetAt(from);
    const end = this.offsetAt(to);
    let starts = this.starts;
    this.text = this.text.substring(0, start) + inserted + this.text.substring(end);
    if (!starts) return;
    // A `\r` and a `\n` that meet at the edge of the change become one line break: count afresh.
    const insertedEnd = start + inserted.length;
    const joinsAt = (at: number) => this.text.charCodeAt(at - 1) === CR && this.text.charCodeAt(at) === LF;
    if (joinsAt(start) || joinsAt(insertedEnd)) {
      this.starts = undefined;
      return;
    }
    const firstLine = lineAt(starts, start);
    const lastLine = lineAt(starts, end);
    const added = lineStartsIn(inserted, start);
    const delta = inserted.length - (end - start);
    const after = starts.length - lastLine - 1;
    if (added.length === lastLine - firstLine) {
      for (let i = 0; i < added.length; i++) starts[firstLine + 1 + i] = added[i]!;
    } else {
      // Not `splice(…, ...added)`: a paste of some hundred thousand lines overflows the call's arguments.
      starts = this.starts = starts.slice(0, firstLine + 1).concat(added, starts.slice(lastLine + 1));
    }
    if (delta !== 0) for (let i = starts.length - after; i < starts.length; i++) starts[i]! += delta;
  }
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

function isLineBreak(code: number): boolean {
  return code === CR || code === LF;
}

/** The line that holds `offset`: the last whose start is at or before it. */
function lineAt(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** Where a line starts after each line break in `text`, plus `base`. */
function lineStartsIn(text: string, base: number): number[] {
  const starts: number[] = [];
  let lf = text.indexOf('\n');
  let cr = text.indexOf('\r');
  if (cr === -1) {
    for (; lf !== -1; lf = text.indexOf('\n', lf + 1)) starts.push(base + lf + 1);
    return starts;
  }
  while (lf !== -1 || cr !== -1) {
    if (cr !== -1 && (lf === -1 || cr < lf)) {
      if (lf === cr + 1) {
        starts.push(base + lf + 1);
        lf = text.indexOf('\n', lf + 1);
      } else {
        starts.push(base + cr + 1);
      }
      cr = text.indexOf('\r', cr + 1);
    } else {
      starts.push(base + lf + 1);
      lf = text.indexOf('\n', lf + 1);
    }
  }
  return starts;
}
