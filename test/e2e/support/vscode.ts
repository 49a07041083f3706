/**
 * Helpers for the tests that run inside VS Code: the workspace's fixture files, text anchors, waiting
 * for a condition with a deadline (checked again on each relevant event, never a fixed sleep), and the
 * UI bridge to the browser that shows the workbench (tools/e2e/shim.ts).
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'onelogin-codes.onelogin-codes';
export const SOURCE = 'onelogin-codes';

export function workspaceFile(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the e2e run opens the fixtures folder as its workspace');
  return vscode.Uri.joinPath(folder.uri, relative);
}

export async function open(relative: string): Promise<{ document: vscode.TextDocument; editor: vscode.TextEditor }> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(relative));
  const editor = await vscode.window.showTextDocument(document, { preview: false });
  return { document, editor };
}

/** The position of `needle` (its `nth` occurrence) plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, needle: string, nth = 0, offset = 0): vscode.Position {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`"${needle}" (#${nth}) is not in ${document.uri.path}`);
  }
  return document.positionAt(index + offset);
}

export function rangeOf(document: vscode.TextDocument, needle: string, nth = 0): vscode.Range {
  const start = positionOf(document, needle, nth);
  return new vscode.Range(start, start.translate(0, needle.length));
}

/**
 * Resolves with the first truthy value of `check`, which runs now, whenever one of `events` fires and
 * every 100 ms; rejects after `timeoutMs` with `what` and the last value seen.
 */
export function until<T>(what: string, check: () => T | undefined | null | false | Promise<T | undefined | null | false>, options: { events?: vscode.Event<unknown>[]; timeoutMs?: number } = {}): Promise<T> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  return new Promise<T>((resolve, reject) => {
    let done = false;
    let running = false;
    let last: unknown;
    const subscriptions: vscode.Disposable[] = [];
    const stop = () => {
      done = true;
      clearInterval(interval);
      clearTimeout(deadline);
      for (const s of subscriptions) s.dispose();
    };
    const attempt = async () => {
      if (done || running) return;
      running = true;
      try {
        const value = await check();
        last = value;
        if (value && !done) {
          stop();
          resolve(value);
        }
      } catch (error) {
        last = error;
      } finally {
        running = false;
      }
    };
    const interval = setInterval(() => void attempt(), 100);
    const deadline = setTimeout(() => {
      if (done) return;
      stop();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${describe(last)}`));
    }, timeoutMs);
    for (const event of options.events ?? []) subscriptions.push(event(() => void attempt()));
    void attempt();
  });
}

function describe(value: unknown): string {
  if (value instanceof Error) return value.message;
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text.slice(0, 2000);
  } catch {
    return String(value);
  }
}

/** Our diagnostics for `uri` once `ready` accepts them. */
export function diagnosticsOf(uri: vscode.Uri, ready: (diagnostics: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  return until(
    what,
    () => {
      const ours = vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
      return ready(ours) ? ours : undefined;
    },
    { events: [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>] },
  );
}

export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return typeof code === 'object' && code !== null ? String(code.value) : String(code);
}

export function hoverMarkdown(hovers: readonly vscode.Hover[]): string[] {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')));
}

let bridgeCounter = 0;

/** Asks the browser side (tools/e2e/shim.ts) for something only it can see or do. */
export async function ui<T = unknown>(action: Record<string, unknown>, timeoutMs = 30_000): Promise<T> {
  const dir = process.env.ONELOGIN_E2E_BRIDGE;
  if (!dir) throw new Error('ONELOGIN_E2E_BRIDGE is not set: run the e2e tests through tools/e2e/run.ts');
  const id = `${process.pid}-${Date.now()}-${bridgeCounter++}`;
  const request = path.join(dir, `${id}.json`);
  const reply = path.join(dir, `${id}.reply.json`);
  writeFileSync(`${request}.part`, JSON.stringify(action));
  renameSync(`${request}.part`, request);
  const answer = await until(`the UI bridge to answer ${JSON.stringify(action)}`, () => existsSync(reply) && (JSON.parse(readFileSync(reply, 'utf8')) as { ok: boolean; result?: T; error?: string }), {
    timeoutMs,
  });
  if (!answer.ok) throw new Error(`UI bridge: ${answer.error}`);
  return answer.result as T;
}

/** A screenshot of the workbench for the README (kept only when the run asks for screenshots). */
export async function screenshot(name: string): Promise<void> {
  await ui({ type: 'screenshot', name });
}
