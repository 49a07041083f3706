/**
 * The analysis reads trees through its own binding to the tree-sitter runtime (parsing/binding.ts),
 * past web-tree-sitter's Node wrappers. Here every node of a real file in each grammar is read both
 * ways and must agree: id, offsets, type, named-ness, parent, children, named children, fields, and
 * descendant lookups. A web-tree-sitter upgrade that changes what the binding relies on fails here.
 */
import assert from 'node:assert/strict';
import type { Node, Tree } from 'web-tree-sitter';
import { BENCH_LANGUAGES, extensionOf, generateFile } from '../../bench/generate';
import { specFor } from '../../server/src/analysis/languages';
import { rewrittenText } from '../../server/src/analysis/languages/spec';
import { SyntaxTree, type SyntaxNode } from '../../server/src/analysis/parsing/syntax-tree';
import type { SourceLanguage } from '../../server/src/analysis/types';
import { sharedEnvironment } from '../support/analysis';
import { random } from '../support/typing';

const ids = (nodes: readonly (Node | SyntaxNode | null)[]) => nodes.map((n) => n?.id ?? null);

/** Compares `view` (ours) with `node` (web-tree-sitter's) and their subtrees; returns the nodes compared. */
function compare(view: SyntaxNode, node: Node, fieldNames: readonly string[], where: string): number {
  const at = `${where}: ${node.type} at ${node.startIndex}`;
  assert.equal(view.id, node.id, at);
  assert.equal(view.startIndex, node.startIndex, at);
  assert.equal(view.endIndex, node.endIndex, at);
  assert.equal(view.type, node.type, at);
  assert.equal(view.isNamed, node.isNamed, at);
  assert.deepEqual(ids(view.children), ids(node.children), `${at}: children`);
  assert.deepEqual(ids(view.namedChildren), ids(node.namedChildren), `${at}: named children`);
  for (let i = 0; i < node.childCount; i++) assert.equal(view.fieldNameForChild(i), node.fieldNameForChild(i), `${at}: field of child ${i}`);
  for (const name of fieldNames) {
    assert.equal(view.childForFieldName(name)?.id ?? null, node.childForFieldName(name)?.id ?? null, `${at}: field ${name}`);
    assert.deepEqual(ids(view.childrenForFieldName(name)), ids(node.childrenForFieldName(name)), `${at}: fields ${name}`);
  }
  let count = 1;
  view.children.forEach((child, i) => {
    assert.equal(child.parent?.id, node.id, `${at}: parent of child ${i}`);
    count += compare(child, node.child(i)!, fieldNames, where);
  });
  return count;
}

describe('tree-sitter binding', () => {
  for (const language of BENCH_LANGUAGES) {
    it(`${language}: reads every node as web-tree-sitter does`, async () => {
      const { parsers } = await sharedEnvironment();
      const spec = specFor(language as SourceLanguage)!;
      const text = generateFile(language, 120);
      const source = spec.prepare ? rewrittenText(spec.prepare(text)) : text;
      const { tree } = await parsers.parse(spec.grammarFor(`a.${extensionOf(language)}`), source);
      try {
        const view = new SyntaxTree(tree!, source);
        const fieldNames = tree!.language.fields.filter((f): f is string => f !== null);
        assert.ok(compare(view.rootNode, tree!.rootNode, fieldNames, language) > 500);
        assert.equal(view.rootNode.parent, null);

        // Lookups from a fresh view (parents then come from the walk down), at random ranges.
        const fresh = new SyntaxTree(tree!, source);
        const pick = random(language.length);
        for (let i = 0; i < 300; i++) {
          const start = Math.floor(pick() * source.length);
          const end = Math.min(source.length, start + Math.floor(pick() * 12));
          const ours = fresh.descendantForIndex(start, end);
          const theirs = tree!.rootNode.descendantForIndex(start, end)!;
          assert.equal(ours.id, theirs.id, `${language}: descendant for [${start}, ${end})`);
          assert.equal(ours.parent?.id ?? null, theirs.parent?.id ?? null, `${language}: its parent`);
        }
      } finally {
        tree!.delete();
      }
    });
  }

  it('keeps reading right after WASM memory grows', async () => {
    const { parsers } = await sharedEnvironment();
    const small = "if (errorCode === '-20202') { cancel(); }";
    const { tree } = await parsers.parse('typescript', small);
    const trees: Tree[] = [];
    try {
      const view = new SyntaxTree(tree!, small);
      const before = view.descendantForIndex(small.indexOf('-20202'));
      // Enough large trees alive at once to make the runtime grow its memory.
      const big = generateFile('typescript', 20_000);
      for (let i = 0; i < 4; i++) trees.push((await parsers.parse('typescript', big)).tree!);
      const after = new SyntaxTree(tree!, small).descendantForIndex(small.indexOf('-20202'));
      assert.equal(after.id, before.id);
      assert.equal(after.type, 'string_fragment');
      assert.equal(after.parent?.parent?.type, 'binary_expression');
      assert.equal(before.endIndex, small.indexOf("'", small.indexOf('-20202')));
    } finally {
      tree!.delete();
      for (const t of trees) t.delete();
    }
  });
});
