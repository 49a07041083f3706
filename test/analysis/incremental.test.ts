/**
 * Re-analysis after edits must give exactly what a fresh analysis of the same tree gives: the
 * incremental prefilter, the moved chunks and the memo's reused results are shortcuts, never a
 * different answer. Each language's benchmark file gets a fixed series of edits, each on top of the
 * last, including the awkward ones (an opened comment, a code typed digit by digit, a new constant, a
 * deleted line, an edit at a chunk's edge).
 */
import assert from 'node:assert/strict';
import { BENCH_LANGUAGES, extensionOf, generateFile } from '../../bench/generate';
import type { Tree } from 'web-tree-sitter';
import { analyze, AnalysisMemo } from '../../server/src/analysis/analyze';
import { IncrementalDocument } from '../../server/src/analysis/incremental';
import { prefilter, prefilterAfterEdit } from '../../server/src/analysis/prefilter';
import { changedSpan } from '../../server/src/analysis/parsing/edit';
import type { SourceLanguage } from '../../server/src/analysis/types';
import { sharedEnvironment } from '../support/analysis';
import { random, typing } from '../support/typing';

describe('analysis: re-analysis after edits equals a fresh analysis', () => {
  for (const language of BENCH_LANGUAGES) {
    it(`${language}: 40 edits in a row, the memo changes nothing`, async () => {
      const { catalog, parsers } = await sharedEnvironment();
      const fileName = `edited.${extensionOf(language)}`;
      const input = { language: language as SourceLanguage, fileName };
      const memo = new AnalysisMemo();
      const original = generateFile(language, 600);
      const versions = [original, ...[...typing(original, random(language.length * 7919), 40)].map((edit) => edit.after)];
      let previous: { tree: Tree; text: string } | null = null;
      for (const [step, text] of versions.entries()) {
        // The same incremental parse twice (tree-sitter may recover from errors differently than in a
        // parse from scratch, so the reference reuses a copy of the same old tree), with and without the memo.
        const copy = previous && { tree: previous.tree.copy(), text: previous.text };
        const withMemo = await analyze({ ...input, text, reuse: previous, memo }, catalog, parsers);
        const reference = await analyze({ ...input, text, reuse: copy }, catalog, parsers);
        previous?.tree.delete();
        copy?.tree.delete();
        reference.tree?.delete();
        assert.deepEqual(withMemo.analysis, reference.analysis, `${language}, after edit ${step}`);
        previous = withMemo.tree && { tree: withMemo.tree, text };
      }
      previous?.tree.delete();
    });
  }

  // Edits that keep the file valid, so that the memo is trusted; the ones at a line's end land on
  // chunk edges (after a declaration's last `}`), where an edit may belong to either neighbour.
  const VALID_EDITS: readonly ((line: string) => string)[] = [
    (line) => `${line}  `,
    (line) => ` ${line}`,
    (line) => `${line} // ok`,
    (line) => line.replace("'-40101'", "'-40201'").replace('"-40101"', '"-40201"'),
  ];
  for (const language of BENCH_LANGUAGES) {
    it(`${language}: an IncrementalDocument answers as a fresh analysis while the file stays valid`, async () => {
      const { catalog, parsers } = await sharedEnvironment();
      const input = { language: language as SourceLanguage, fileName: `a.${extensionOf(language)}` };
      const document = new IncrementalDocument(catalog, parsers);
      const lines = generateFile(language, 1500).split('\n');
      const pick = random(language.length * 104729);
      try {
        for (let step = 0; step < 60; step++) {
          const line = Math.floor(pick() * lines.length);
          lines[line] = VALID_EDITS[step % VALID_EDITS.length]!(lines[line]!);
          const text = lines.join('\n');
          const incremental = await document.analyze({ ...input, text });
          const fresh = await analyze({ ...input, text }, catalog, parsers);
          fresh.tree?.delete();
          assert.deepEqual(incremental, fresh.analysis, `${language}, after edit ${step} (line ${line + 1})`);
        }
      } finally {
        document.dispose();
      }
    });
  }

  it('the prefilter after an edit finds what a full scan finds', async () => {
    const { catalog } = await sharedEnvironment();
    const text = generateFile('java', 300);
    let found = prefilter(text, catalog);
    for (const { step, before, after } of typing(text, random(42), 200)) {
      found = prefilterAfterEdit(found, changedSpan(before, after), after, catalog);
      assert.deepEqual(found, prefilter(after, catalog), `after edit ${step}`);
    }
  });
});
