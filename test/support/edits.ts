import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/util/line-index';

/** Applies LSP text edits (UTF-16 positions) to a text, last edit first. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const sorted = [...edits].map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), text: e.newText }));
  sorted.sort((a, b) => b.start - a.start);
  let result = text;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

export function applyWorkspaceEdit(text: string, uri: string, edit: WorkspaceEdit | undefined): string {
  return applyEdits(text, edit?.changes?.[uri] ?? []);
}
