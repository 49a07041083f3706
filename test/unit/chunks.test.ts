/**
 * Chunk lists: which chunk holds an edit, and the list after it (the chunk grows or shrinks, those
 * after it move).
 */
import assert from 'node:assert/strict';
import { ChunkList } from '../../server/src/analysis/chunks';

const ranges = (list: ChunkList) => Array.from({ length: list.length }, (_, i) => list.range(i));

describe('chunk list', () => {
  const list = ChunkList.of([
    { start: 0, end: 10 },
    { start: 10, end: 25 },
    { start: 25, end: 40 },
  ]);

  it('finds the chunk that holds a span whole, the earlier one at a shared edge', () => {
    assert.equal(list.holding(0, 0), 0);
    assert.equal(list.holding(3, 7), 0);
    assert.equal(list.holding(10, 10), 0);
    assert.equal(list.holding(11, 25), 1);
    assert.equal(list.holding(39, 40), 2);
    assert.equal(list.holding(5, 12), -1, 'a span across two chunks');
    assert.equal(list.holding(41, 41), -1, 'past the end');
  });

  it('moves the chunks after an edit and leaves the list it came from as it was', () => {
    assert.deepEqual(ranges(list.edited(1, 3)), [
      { start: 0, end: 10 },
      { start: 10, end: 28 },
      { start: 28, end: 43 },
    ]);
    assert.deepEqual(ranges(list.edited(0, -2)), [
      { start: 0, end: 8 },
      { start: 8, end: 23 },
      { start: 23, end: 38 },
    ]);
    assert.deepEqual(ranges(list), [
      { start: 0, end: 10 },
      { start: 10, end: 25 },
      { start: 25, end: 40 },
    ]);
  });
});
