/**
 * The changed span between two versions of a text: the smallest one, whether the whole texts are
 * compared or only a part the caller knows holds every difference.
 */
import assert from 'node:assert/strict';
import { changedSpan, editBetween } from '../../server/src/analysis/parsing/edit';
import { random, typing } from '../support/typing';

const TEXT = [
  "import { OneLoginHelper } from '@geetest/onelogin';",
  'if (code === "-20301") { cancel(); } // 取消 📱',
  "else if (code === '-40101') { retry(); }",
  '',
].join('\r\n');

describe('changed span between two versions', () => {
  it('finds the smallest span, and finds it again when told a span that holds the change', () => {
    const pick = random(17);
    for (const { step, before: text, after: edited } of typing(TEXT.repeat(40), pick, 200)) {
      const span = changedSpan(text, edited);
      assert.equal(text.slice(0, span.start) + edited.slice(span.start, span.newEnd) + text.slice(span.oldEnd), edited, `step ${step}`);
      assert.equal(text.slice(0, span.start), edited.slice(0, span.start));
      assert.equal(text.slice(span.oldEnd), edited.slice(span.newEnd));
      // A wider span around it, as a language's rewrite reports the part it redid.
      const before = Math.floor(pick() * (span.start + 1));
      const after = Math.floor(pick() * (text.length - span.oldEnd + 1));
      const wider = { start: span.start - before, oldEnd: span.oldEnd + after, newEnd: span.newEnd + after };
      assert.deepEqual(changedSpan(text, edited, wider), span, `step ${step}, within a wider span`);
    }
  });

  it('gives the tree edit rows and UTF-16 columns on both sides', () => {
    const before = 'a\n中文 📱 x = 1;\nb';
    const after = 'a\n中文 📱 x = 20202;\nb';
    const edit = editBetween(before, after);
    assert.equal(edit.startIndex, before.indexOf('1;'));
    assert.deepEqual(edit.startPosition, { row: 1, column: 10 });
    assert.deepEqual(edit.oldEndPosition, { row: 1, column: 11 });
    assert.deepEqual(edit.newEndPosition, { row: 1, column: 15 });
  });

  it('counts rows on from a known point before the change as from the start', () => {
    const pick = random(29);
    for (const { step, before: text, after: edited } of typing(TEXT.repeat(20), pick, 100)) {
      const span = changedSpan(text, edited);
      const offset = Math.floor(pick() * (span.start + 1));
      const known = { offset, point: editBetween(text, text, { start: offset, oldEnd: offset, newEnd: offset }).startPosition };
      assert.deepEqual(editBetween(text, edited, span, known), editBetween(text, edited, span), `step ${step}, known point at ${offset}`);
    }
  });
});
