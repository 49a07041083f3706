/** Offsets ↔ LSP positions (UTF-16 code units, LSP's default encoding). */
import type { Range } from 'vscode-languageserver';
import type { TextRange } from '../analysis/types';
import type { PositionMapper } from '../util/line-index';

export function toLspRange(lines: PositionMapper, range: TextRange): Range {
  return { start: lines.positionAt(range.start), end: lines.positionAt(range.end) };
}
