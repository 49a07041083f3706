/**
 * The tree-sitter edit between two versions of a text, found by comparing them (common prefix and
 * suffix): it works whatever way the change arrived (LSP incremental sync, a full replace, a file watcher).
 */
import { Edit, type Point } from 'web-tree-sitter';

const BLOCK = 4096;

/** Where two versions of a text differ: [start, oldEnd) of `before` became [start, newEnd) of `after`. */
export interface ChangedSpan {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * The smallest span whose replacement turns `before` into `after`. When the caller knows the texts
 * differ only inside `within`, only that part is compared.
 */
export function changedSpan(before: string, after: string, within?: ChangedSpan): ChangedSpan {
  let start = within?.start ?? 0;
  let oldEnd = within?.oldEnd ?? before.length;
  let newEnd = within?.newEnd ?? after.length;
  const shorter = Math.min(oldEnd, newEnd);
  // Whole blocks first (string comparison runs natively), then character by character.
  while (start + BLOCK <= shorter && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK)) start += BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  while (oldEnd - BLOCK >= start && newEnd - BLOCK >= start && before.slice(oldEnd - BLOCK, oldEnd) === after.slice(newEnd - BLOCK, newEnd)) {
    oldEnd -= BLOCK;
    newEnd -= BLOCK;
  }
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  return { start, oldEnd, newEnd };
}

/** A place in a text whose row and column are known, to count rows on from. */
export interface KnownPoint {
  readonly offset: number;
  readonly point: Point;
}

/**
 * The single edit that turns `before` into `after` (whose changed span may be known already). Rows
 * are counted from the start of `before`, or from `known` when it lies before the change.
 */
export function editBetween(before: string, after: string, span: ChangedSpan = changedSpan(before, after), known?: KnownPoint | null): Edit {
  const { start, oldEnd, newEnd } = span;
  const startPosition = known && known.offset <= start ? pointAt(before, start, known.offset, known.point) : pointAt(before, start);
  return new Edit({
    startIndex: start,
    oldEndIndex: oldEnd,
    newEndIndex: newEnd,
    startPosition,
    oldEndPosition: pointAt(before, oldEnd, start, startPosition),
    newEndPosition: pointAt(after, newEnd, start, startPosition),
  });
}

/** Row and UTF-16 column of `offset`, counting on from a known point when given. */
function pointAt(text: string, offset: number, from = 0, fromPoint: Point = { row: 0, column: 0 }): Point {
  let { row } = fromPoint;
  let lineStart = from - fromPoint.column;
  for (let newline = text.indexOf('\n', from); newline !== -1 && newline < offset; newline = text.indexOf('\n', newline + 1)) {
    row++;
    lineStart = newline + 1;
  }
  return { row, column: offset - lineStart };
}
