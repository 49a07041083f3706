/**
 * A caching view of one parsed tree, for one short piece of work (finding the chunks, analysing one
 * chunk): its nodes are meant to die young.
 *
 * Why not use web-tree-sitter's nodes directly: every property of theirs is a call into WASM, and
 * tree-sitter keeps no parent pointers, so `parent` and the sibling getters walk down from the root
 * and scan the children at every level on the way (in a class of 1,000 methods, 1,000 steps per
 * call). Here a node is found by walking down once; each node remembers its parent, its children and
 * what it was asked before, and there is one object per node, so the language specs can ask freely.
 *
 * Valid while its tree is neither edited nor deleted; build a new view for each parse.
 */
import type { Node, Tree } from 'web-tree-sitter';

export class SyntaxTree {
  readonly rootNode: SyntaxNode;
  private readonly nodes = new Map<number, SyntaxNode>();

  constructor(
    tree: Tree,
    /** The text the tree was parsed from: node text is sliced from it, not fetched from WASM. */
    readonly source: string,
  ) {
    this.rootNode = this.wrap(tree.rootNode, null);
  }

  /**
   * The smallest node that spans [start, end), like web-tree-sitter's `descendantForIndex`, with its
   * ancestors known: down through children already listed, then WASM finds the node and the path to it.
   */
  descendantForIndex(start: number, end = start): SyntaxNode {
    let node = this.rootNode;
    for (let child = node.knownChildAround(start, end); child; child = node.knownChildAround(start, end)) node = child;
    const target = node.raw.descendantForIndex(start, end);
    while (target && node.id !== target.id) {
      const next = node.raw.childWithDescendant(target);
      if (!next) break;
      const child = this.wrap(next, node);
      (node.entered ??= []).push(child);
      node = child;
    }
    return node;
  }

  /** The one view object of `raw`; `parent` when the caller knows it (undefined: ask when needed). */
  wrap(raw: Node, parent: SyntaxNode | null | undefined): SyntaxNode {
    let node = this.nodes.get(raw.id);
    if (!node) {
      node = new SyntaxNode(raw, this);
      this.nodes.set(raw.id, node);
    }
    if (parent !== undefined && node.knownParent === undefined) node.knownParent = parent;
    return node;
  }

  wrapOrNull(raw: Node | null, parent: SyntaxNode | null | undefined): SyntaxNode | null {
    return raw ? this.wrap(raw, parent) : null;
  }
}

/** The first of `children` (in document order) that ends after `offset`. */
function childAround(children: readonly SyntaxNode[], offset: number): SyntaxNode | undefined {
  let low = 0;
  let high = children.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (children[middle]!.endIndex > offset) high = middle;
    else low = middle + 1;
  }
  return children[low];
}

/** The subset of web-tree-sitter's Node API the analysis uses, each answer asked of WASM once. */
export class SyntaxNode {
  readonly id: number;
  readonly startIndex: number;
  /** undefined until known. */
  knownParent: SyntaxNode | null | undefined = undefined;
  /** Position in the parent's `children`, set when those are listed. */
  private indexInParent = -1;
  private cachedType: string | undefined;
  private cachedEnd: number | undefined;
  private cachedNamed: boolean | undefined;
  private cachedChildren: SyntaxNode[] | undefined;
  private cachedNamedChildren: SyntaxNode[] | undefined;
  private fields: Map<string, SyntaxNode | null> | undefined;

  constructor(
    readonly raw: Node,
    private readonly view: SyntaxTree,
  ) {
    this.id = raw.id;
    this.startIndex = raw.startIndex;
  }

  get type(): string {
    return (this.cachedType ??= this.raw.type);
  }

  get endIndex(): number {
    return (this.cachedEnd ??= this.raw.endIndex);
  }

  get text(): string {
    return this.view.source.slice(this.startIndex, this.endIndex);
  }

  get isNamed(): boolean {
    return (this.cachedNamed ??= this.raw.isNamed);
  }

  get parent(): SyntaxNode | null {
    if (this.knownParent === undefined) this.knownParent = this.view.wrapOrNull(this.raw.parent, undefined);
    return this.knownParent;
  }

  get children(): readonly SyntaxNode[] {
    if (!this.cachedChildren) {
      this.cachedChildren = this.raw.children.map((raw, i) => {
        const child = this.view.wrap(raw!, this);
        child.indexInParent = i;
        return child;
      });
    }
    return this.cachedChildren;
  }

  /** Children an earlier search went down into (nearby searches share most of their way down). */
  entered: SyntaxNode[] | undefined;

  /** The child spanning [start, end) among those already known (listed or entered), if any. */
  knownChildAround(start: number, end: number): SyntaxNode | undefined {
    const listed = this.cachedChildren ?? this.cachedNamedChildren;
    const child = listed ? childAround(listed, start) : this.entered?.find((c) => c.startIndex <= start && c.endIndex >= end);
    return child && child.startIndex <= start && child.endIndex >= end ? child : undefined;
  }

  get namedChildren(): readonly SyntaxNode[] {
    return (this.cachedNamedChildren ??= this.raw.namedChildren.map((raw) => this.view.wrap(raw!, this)));
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
      child = this.view.wrapOrNull(this.raw.childForFieldName(name), this);
      this.fields.set(name, child);
    }
    return child;
  }

  childrenForFieldName(name: string): SyntaxNode[] {
    return this.raw.childrenForFieldName(name).map((raw) => this.view.wrap(raw!, this));
  }

  fieldNameForChild(index: number): string | null {
    return this.raw.fieldNameForChild(index);
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
