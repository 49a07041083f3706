/**
 * One document's syntax tree kept between analyses, so an edit re-parses incrementally (the edit is
 * found by parsing/edit.ts, whatever way the change arrived).
 */
import type { Tree } from 'web-tree-sitter';
import type { Catalog } from '../catalog/catalog';
import { analyze, AnalysisMemo, type AnalyzeInput } from './analyze';
import type { Parsers } from './parsing/parsers';
import type { Analysis } from './types';

export class IncrementalDocument {
  private tree: Tree | null = null;
  /** The text the tree was parsed for. */
  private text: string | null = null;
  private readonly memo = new AnalysisMemo();

  constructor(
    private readonly catalog: Catalog,
    private readonly parsers: Parsers,
  ) {}

  async analyze(input: Omit<AnalyzeInput, 'reuse' | 'memo'>): Promise<Analysis> {
    const previous = this.tree;
    this.tree = null;
    const reuse = previous && this.text !== null ? { tree: previous, text: this.text } : null;
    let tree: Tree | null = null;
    try {
      const output = await analyze({ ...input, reuse, memo: this.memo }, this.catalog, this.parsers);
      tree = output.tree;
      this.tree = tree;
      this.text = input.text;
      return output.analysis;
    } finally {
      // Freeing the old tree takes a few tenths of a millisecond after a small edit in a big file; it
      // waits until the result is out (the diagnostics are sent) instead of delaying it. A failed
      // analysis frees it too.
      if (previous && previous !== tree) setImmediate(() => previous.delete());
    }
  }

  dispose(): void {
    this.tree?.delete();
    this.tree = null;
    this.text = null;
  }
}
