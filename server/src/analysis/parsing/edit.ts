/**
 * The tree-sitter edit between two versions of a text, found by comparing them (common prefix and
 * suffix): it works whatever way the change arrived (LSP incremental sync, a full replace, a file watcher).
 */
import { Edit, type Point } from 'web-tree-sitter';

/** The single edit that turns `before` into `after`. */
export function editBetween(before: string, after: string): Edit {
  let start = 0;
  const shorter = Math.min(before.length, after.length);
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let oldEnd = before.length;
  let newEnd = after.length;
  while (oldEnd > start && newEnd > start && before.charCodeAt(oldEnd - 1) === after.charCodeAt(newEnd - 1)) {
    oldEnd--;
    newEnd--;
  }
  const startPosition = pointAt(before, start);
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
  let { row, column } = fromPoint;
  for (let i = from; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      row++;
      column = 0;
    } else {
      column++;
    }
  }
  return { row, column };
}
