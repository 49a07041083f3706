/**
 * Splits a syntax tree into chunks: top-level declarations, and the members and statements of large
 * classes and functions, down to about CHUNK_TARGET characters. A handler (an if chain, a switch, a
 * when, a map, a comparison) always lies inside one chunk, because only declaration and statement
 * containers are split. After an edit, only the chunks whose text changed are analysed again.
 */
import type { SyntaxNode } from './parsing/syntax-tree';
import type { TextRange } from './types';

/** Chunks larger than this are split further when they are containers. */
const CHUNK_TARGET = 2048;

/** Nodes whose children are declarations or statements, never parts of one handler. */
const CONTAINER = /program|source_file|export_statement|translation_unit|class|struct|interface|protocol|enum|object_declaration|companion|extension|implementation|module|namespace|declaration_list|function|method|constructor|init_declaration|block|body|statements/u;
/** Containers that hold a handler's parts: never split. */
const HANDLER = /switch|when|if_|^if$|case|guard|ternary|conditional|dictionary|object$|map|array|lambda|closure|arguments|call|message/u;

export function chunkRanges(root: SyntaxNode): ChunkList {
  const chunks: TextRange[] = [];
  const visit = (node: SyntaxNode) => {
    const size = node.endIndex - node.startIndex;
    const children = size > CHUNK_TARGET && CONTAINER.test(node.type) && !HANDLER.test(node.type) ? node.namedChildren : [];
    if (children.length > 0) {
      // Keep the text between children (the header `class A {`, braces) with its neighbours: each child
      // chunk reaches back to the end of the previous one.
      let previousEnd = node.startIndex;
      for (const child of children) {
        if (child.startIndex > previousEnd) chunks.push({ start: previousEnd, end: child.startIndex });
        visit(child);
        previousEnd = child.endIndex;
      }
      if (node.endIndex > previousEnd) chunks.push({ start: previousEnd, end: node.endIndex });
      return;
    }
    chunks.push({ start: node.startIndex, end: node.endIndex });
  };
  visit(root);
  if (chunks.length === 0 || chunks[0]!.start > 0) chunks.unshift({ start: 0, end: chunks[0]?.start ?? root.endIndex });
  return ChunkList.of(chunks);
}

/**
 * Chunk boundaries in two columns: a 10k-line file has thousands of chunks, and every edit moves all
 * those after it.
 */
export class ChunkList {
  private constructor(
    private readonly starts: Int32Array,
    private readonly ends: Int32Array,
  ) {}

  static of(ranges: readonly TextRange[]): ChunkList {
    return new ChunkList(Int32Array.from(ranges, (r) => r.start), Int32Array.from(ranges, (r) => r.end));
  }

  get length(): number {
    return this.starts.length;
  }

  start(i: number): number {
    return this.starts[i]!;
  }

  end(i: number): number {
    return this.ends[i]!;
  }

  range(i: number): TextRange {
    return { start: this.starts[i]!, end: this.ends[i]! };
  }

  /** The chunk that holds [start, end) whole, or -1. */
  holding(start: number, end: number): number {
    let low = 0;
    let high = this.starts.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.ends[middle]! < end) low = middle + 1;
      else high = middle;
    }
    return low < this.starts.length && this.starts[low]! <= start ? low : -1;
  }

  /** The list after an edit inside chunk `i`: that chunk grows by `delta`, those after it move by it. */
  edited(i: number, delta: number): ChunkList {
    const starts = this.starts.slice();
    const ends = this.ends.slice();
    ends[i]! += delta;
    for (let k = i + 1; k < starts.length; k++) {
      starts[k]! += delta;
      ends[k]! += delta;
    }
    return new ChunkList(starts, ends);
  }
}
