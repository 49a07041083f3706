/**
 * A caching view of one parsed tree, for one short piece of work (finding the chunks, analysing one
 * chunk): its nodes are meant to die young.
 *
 * Why not use web-tree-sitter's nodes directly: every property of theirs is a call into WASM, and
 * tree-sitter keeps no parent pointers, so `parent` and the sibling getters walk down from the root
 * and scan the children at every level on the way (in a class of 1,000 methods, 1,000 steps per
 * call). Here a node is found by walking down once; each node remembers its parent, its children and
 * what it was asked before, and there is one object per node, so the language specs can ask freely.
 * What is asked of WASM goes through the binding (binding.ts), without web-tree-sitter's wrappers.
 *
 * Valid while its tree is neither edited nor deleted; build a new view for each parse.
 */
import type { Tree } from 'web-tree-sitter';
import { TreeSitterBinding, type NodeMaker, type NodeRef, type TreeHandle } from './binding';

export class SyntaxTree {
  readonly rootNode: SyntaxNode;
  /** This tree as the binding knows it. */
  readonly handle: TreeHandle;
  private readonly nodes = new Map<number, SyntaxNode>();

  constructor(
    tree: Tree,
    /** The text the tree was parsed from: node text is sliced from it, not fetched from WASM. */
    readonly source: string,
    readonly binding: TreeSitterBinding = TreeSitterBinding.ready(),
  ) {
    this.handle = binding.tree(tree);
    this.rootNode = binding.rootNode(this.handle, this.node);
    this.rootNode.knownParent = null;
  }

  /** The one view object of a node the binding returned (made on first sight). */
  readonly node: NodeMaker<SyntaxNode> = (id, startIndex, startRow, startColumn, alias) => {
    let node = this.nodes.get(id);
    if (!node) {
      node = new SyntaxNode(id, startIndex, startRow, startColumn, alias, this);
      this.nodes.set(id, node);
    }
    return node;
  };

  /**
   * The smallest node that spans [start, end), like web-tree-sitter's `descendantForIndex`, with its
   * ancestors known: down through children already listed, then WASM finds the node and the path to it.
   */
  descendantForIndex(start: number, end = start): SyntaxNode {
    let node = this.rootNode;
    for (let child = node.knownChildAround(start, end); child; child = node.knownChildAround(start, end)) node = child;
    const target = this.binding.descendantForIndex(this.handle, node, start, end, this.node);
    while (target && node !== target) {
      const child = this.binding.childWithDescendant(this.handle, node, target, this.node);
      if (!child) break;
      child.adopt(node);
      (node.entered ??= []).push(child);
      node = child;
    }
    return node;
  }
}

/**
 * Whether tree-sitter's descendant search for [start, end) goes down into `child` (node.c,
 * ts_node__descendant_for_byte_range): it reaches `end`, and it ends after `start` (an empty node: at
 * `start` or after), and it starts at `start` or before. The first such child is taken.
 */
function leadsTo(child: SyntaxNode, start: number, end: number): boolean {
  const childEnd = child.endIndex;
  if (childEnd < end || childEnd < start || (childEnd === start && child.startIndex !== childEnd)) return false;
  return child.startIndex <= start;
}

/** The first of `children` (in document order) that tree-sitter's search for [start, end) goes into. */
function childLeadingTo(children: readonly SyntaxNode[], start: number, end: number): SyntaxNode | undefined {
  // Children before the first one that ends at `start` or later cannot lead there.
  let low = 0;
  let high = children.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (children[middle]!.endIndex >= start) high = middle;
    else low = middle + 1;
  }
  for (let i = low; i < children.length && children[i]!.startIndex <= start; i++) {
    if (leadsTo(children[i]!, start, end)) return children[i];
  }
  return undefined;
}

/** The subset of web-tree-sitter's Node API the analysis uses, each answer asked of WASM once. */
export class SyntaxNode implements NodeRef {
  /** undefined until known. */
  knownParent: SyntaxNode | null | undefined = undefined;
  /** Children an earlier search went down into (nearby searches share most of their way down). */
  entered: SyntaxNode[] | undefined;
  /** Position in the parent's `children`, set when those are listed. */
  private indexInParent = -1;
  private cachedType: string | undefined;
  private cachedEnd: number | undefined;
  private cachedNamed: boolean | undefined;
  private cachedChildren: SyntaxNode[] | undefined;
  private cachedNamedChildren: SyntaxNode[] | undefined;
  private fields: Map<string, SyntaxNode | null> | undefined;

  constructor(
    readonly id: number,
    readonly startIndex: number,
    readonly startRow: number,
    readonly startColumn: number,
    readonly alias: number,
    private readonly view: SyntaxTree,
  ) {}

  /** Records the parent, when the caller found this node as a child of it. */
  adopt(parent: SyntaxNode): this {
    if (this.knownParent === undefined) this.knownParent = parent;
    return this;
  }

  get type(): string {
    return (this.cachedType ??= this.view.handle.types[this.view.binding.typeId(this.view.handle, this)] ?? 'ERROR');
  }

  get endIndex(): number {
    return (this.cachedEnd ??= this.view.binding.endIndex(this.view.handle, this));
  }

  get text(): string {
    return this.view.source.slice(this.startIndex, this.endIndex);
  }

  get isNamed(): boolean {
    return (this.cachedNamed ??= this.view.binding.isNamed(this.view.handle, this));
  }

  get parent(): SyntaxNode | null {
    if (this.knownParent === undefined) this.knownParent = this.view.binding.parent(this.view.handle, this, this.view.node);
    return this.knownParent;
  }

  get children(): readonly SyntaxNode[] {
    if (!this.cachedChildren) {
      this.cachedChildren = this.view.binding.children(this.view.handle, this, this.view.node);
      this.cachedChildren.forEach((child, i) => {
        child.adopt(this);
        child.indexInParent = i;
      });
    }
    return this.cachedChildren;
  }

  /**
   * The child that tree-sitter's search for [start, end) goes into, when it is among the children
   * already known: all of them once listed, or those an earlier search entered (for an empty range, a
   * child not entered might come first, so the search is left to WASM then).
   */
  knownChildAround(start: number, end: number): SyntaxNode | undefined {
    if (this.cachedChildren) return childLeadingTo(this.cachedChildren, start, end);
    if (start === end) return undefined;
    return this.entered?.find((child) => leadsTo(child, start, end));
  }

  get namedChildren(): readonly SyntaxNode[] {
    if (!this.cachedNamedChildren) {
      this.cachedNamedChildren = this.view.binding.namedChildren(this.view.handle, this, this.view.node);
      for (const child of this.cachedNamedChildren) child.adopt(this);
    }
    return this.cachedNamedChildren;
  }

  get childCount(): number {
    return this.children.length;
  }

  get namedChildCount(): number {
    return this.namedChildren.length;
  }

  child(index: number): SyntaxNode | null {
    return this.children[index] ?? null;
  }

  childForFieldName(name: string): SyntaxNode | null {
    this.fields ??= new Map();
    let child = this.fields.get(name);
    if (child === undefined) {
      const fieldId = this.view.handle.fieldId(name);
      // Not adopted: a field can name a node deeper down (Swift's for-in `bound_identifier` is in a `pattern`).
      child = fieldId === null ? null : this.view.binding.childForField(this.view.handle, this, fieldId, this.view.node);
      this.fields.set(name, child);
    }
    return child;
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    const fieldId = this.view.handle.fieldId(name);
    if (fieldId === null) return [];
    return this.view.binding.childrenForField(this.view.handle, this, fieldId, this.view.node);
  }

  fieldNameForChild(index: number): string | null {
    return this.view.binding.fieldNameForChild(this.view.handle, this, index);
  }

  get nextSibling(): SyntaxNode | null {
    return this.sibling(1, false);
  }

  get previousSibling(): SyntaxNode | null {
    return this.sibling(-1, false);
  }

  get nextNamedSibling(): SyntaxNode | null {
    return this.sibling(1, true);
  }

  get previousNamedSibling(): SyntaxNode | null {
    return this.sibling(-1, true);
  }

  equals(other: SyntaxNode): boolean {
    return other.id === this.id;
  }

  /** Siblings from the parent's list of children (web-tree-sitter would walk down from the root). */
  private sibling(step: 1 | -1, named: boolean): SyntaxNode | null {
    const parent = this.parent;
    if (!parent) return null;
    const siblings = parent.children;
    for (let i = this.indexInParent + step; i >= 0 && i < siblings.length; i += step) {
      if (!named || siblings[i]!.isNamed) return siblings[i]!;
    }
    return null;
  }
}
