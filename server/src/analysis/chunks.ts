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

export function chunkRanges(root: SyntaxNode): TextRange[] {
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
  return chunks;
}
