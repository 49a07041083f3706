/**
 * Direct calls into the tree-sitter runtime's WASM exports, for the node queries the analysis makes
 * by the ten thousand (type, end, parent, children, fields, descendant lookups).
 *
 * Why: web-tree-sitter's own Node methods make the same calls, but each one also writes the node
 * through a generic `setValue`, and every node it returns is a new class instance with a position
 * object. On a 10k-line file that wrapping cost about as much as the calls themselves. Here a node is
 * five integers in an Int32Array view of WASM memory, the way web-tree-sitter's C side passes it
 * (`marshal_node` in its tree-sitter.c): id, start index, start row, start column, alias.
 *
 * This reaches past web-tree-sitter's public API in two places, both checked by
 * test/unit/binding.test.ts against the public API on every node of real trees: the Emscripten module
 * object (the options object given to `Parser.init` becomes it) and a tree's WASM address (`tree[0]`).
 * web-tree-sitter is pinned to one exact version in package-lock.json.
 */
import { Parser, type Language, type Tree } from 'web-tree-sitter';

/** The exports we call, as Emscripten puts them on the module object. */
interface RuntimeModule {
  HEAP32: Int32Array;
  _ts_init(): number;
  _free(address: number): void;
  _ts_tree_root_node_wasm(tree: number): void;
  _ts_node_symbol_wasm(tree: number): number;
  _ts_node_end_index_wasm(tree: number): number;
  _ts_node_is_named_wasm(tree: number): number;
  _ts_node_parent_wasm(tree: number): void;
  _ts_node_children_wasm(tree: number): void;
  _ts_node_named_children_wasm(tree: number): void;
  _ts_node_child_by_field_id_wasm(tree: number, fieldId: number): void;
  _ts_node_children_by_field_id_wasm(tree: number, fieldId: number): void;
  _ts_node_field_name_for_child_wasm(tree: number, index: number): number;
  _ts_node_descendant_for_index_wasm(tree: number): void;
  _ts_node_child_with_descendant_wasm(tree: number): void;
  AsciiToString(address: number): string;
}

/** A node as the binding passes it. Offsets are in UTF-16 code units, as everywhere in web-tree-sitter. */
export interface NodeRef {
  readonly id: number;
  readonly startIndex: number;
  readonly startRow: number;
  readonly startColumn: number;
  readonly alias: number;
}

/** Makes (or finds) the caller's object for a node the binding returned. */
export type NodeMaker<T> = (id: number, startIndex: number, startRow: number, startColumn: number, alias: number) => T;

/** Words per node in the transfer buffer. */
const NODE_WORDS = 5;

/** One parsed tree as the binding sees it: its WASM address and its language's names. */
export interface TreeHandle {
  readonly address: number;
  readonly types: readonly string[];
  fieldId(name: string): number | null;
}

export class TreeSitterBinding {
  private heap: Int32Array;
  /** Where the transfer buffer starts, in 32-bit words. */
  private readonly transfer: number;
  private readonly fieldIds = new WeakMap<Language, Map<string, number | null>>();

  private constructor(private readonly module: RuntimeModule) {
    this.heap = module.HEAP32;
    this.transfer = module._ts_init() >>> 2;
  }

  /**
   * Initialises the runtime once per process from its compiled WASM (web-tree-sitter keeps the first
   * module it makes). Emscripten hands the instantiation to `instantiateWasm` when the options have one.
   */
  static init(runtime: WebAssembly.Module): Promise<TreeSitterBinding> {
    initialising ??= (async () => {
      const instantiateWasm = (imports: WebAssembly.Imports, receive: (instance: WebAssembly.Instance, module: WebAssembly.Module) => void) => {
        receive(new WebAssembly.Instance(runtime, imports), runtime);
        return {};
      };
      const module = { instantiateWasm } as unknown as RuntimeModule;
      await Parser.init(module);
      if (typeof module._ts_init !== 'function') {
        throw new Error('web-tree-sitter was initialised before Parsers.create(); initialise it through Parsers.create() only');
      }
      return (current = new TreeSitterBinding(module));
    })();
    return initialising;
  }

  /** The binding, once `init` has finished (every tree comes from a parser made after it). */
  static ready(): TreeSitterBinding {
    if (!current) throw new Error('tree-sitter is not initialised: call Parsers.create() first');
    return current;
  }

  tree(tree: Tree): TreeHandle {
    const language = tree.language;
    let ids = this.fieldIds.get(language);
    if (!ids) {
      ids = new Map();
      this.fieldIds.set(language, ids);
    }
    const known = ids;
    return {
      address: (tree as unknown as { readonly 0: number })[0],
      types: language.types,
      fieldId(name: string): number | null {
        let id = known.get(name);
        if (id === undefined) {
          id = language.fieldIdForName(name);
          known.set(name, id);
        }
        return id;
      },
    };
  }

  rootNode<T>(tree: TreeHandle, make: NodeMaker<T>): T {
    this.module._ts_tree_root_node_wasm(tree.address);
    return this.readNode(this.transfer, make)!;
  }

  typeId(tree: TreeHandle, node: NodeRef): number {
    this.writeNode(node);
    return this.module._ts_node_symbol_wasm(tree.address);
  }

  endIndex(tree: TreeHandle, node: NodeRef): number {
    this.writeNode(node);
    return this.module._ts_node_end_index_wasm(tree.address);
  }

  isNamed(tree: TreeHandle, node: NodeRef): boolean {
    this.writeNode(node);
    return this.module._ts_node_is_named_wasm(tree.address) === 1;
  }

  parent<T>(tree: TreeHandle, node: NodeRef, make: NodeMaker<T>): T | null {
    this.writeNode(node);
    this.module._ts_node_parent_wasm(tree.address);
    return this.readNode(this.transfer, make);
  }

  children<T>(tree: TreeHandle, node: NodeRef, make: NodeMaker<T>): T[] {
    this.writeNode(node);
    this.module._ts_node_children_wasm(tree.address);
    return this.readNodeList(make);
  }

  namedChildren<T>(tree: TreeHandle, node: NodeRef, make: NodeMaker<T>): T[] {
    this.writeNode(node);
    this.module._ts_node_named_children_wasm(tree.address);
    return this.readNodeList(make);
  }

  childForField<T>(tree: TreeHandle, node: NodeRef, fieldId: number, make: NodeMaker<T>): T | null {
    this.writeNode(node);
    this.module._ts_node_child_by_field_id_wasm(tree.address, fieldId);
    return this.readNode(this.transfer, make);
  }

  childrenForField<T>(tree: TreeHandle, node: NodeRef, fieldId: number, make: NodeMaker<T>): T[] {
    this.writeNode(node);
    this.module._ts_node_children_by_field_id_wasm(tree.address, fieldId);
    return this.readNodeList(make);
  }

  fieldNameForChild(tree: TreeHandle, node: NodeRef, index: number): string | null {
    this.writeNode(node);
    const address = this.module._ts_node_field_name_for_child_wasm(tree.address, index);
    return address ? this.module.AsciiToString(address) : null;
  }

  /** The smallest node under `node` that spans [start, end). */
  descendantForIndex<T>(tree: TreeHandle, node: NodeRef, start: number, end: number, make: NodeMaker<T>): T | null {
    this.writeNode(node);
    const heap = this.words();
    heap[this.transfer + NODE_WORDS] = start;
    heap[this.transfer + NODE_WORDS + 1] = end;
    this.module._ts_node_descendant_for_index_wasm(tree.address);
    return this.readNode(this.transfer, make);
  }

  /** The child of `node` that holds `descendant` (or is it). */
  childWithDescendant<T>(tree: TreeHandle, node: NodeRef, descendant: NodeRef, make: NodeMaker<T>): T | null {
    this.writeNode(node);
    this.writeNode(descendant, 1);
    this.module._ts_node_child_with_descendant_wasm(tree.address);
    return this.readNode(this.transfer, make);
  }

  /** The current view of WASM memory (a grown memory detaches the old one, which then reads as empty). */
  private words(): Int32Array {
    if (this.heap.length === 0) this.heap = this.module.HEAP32;
    return this.heap;
  }

  private writeNode(node: NodeRef, slot = 0): void {
    const heap = this.words();
    const at = this.transfer + slot * NODE_WORDS;
    heap[at] = node.id;
    heap[at + 1] = node.startIndex;
    heap[at + 2] = node.startRow;
    heap[at + 3] = node.startColumn;
    heap[at + 4] = node.alias;
  }

  /** The node at word `at`; null for the binding's "no node" (id 0). */
  private readNode<T>(at: number, make: NodeMaker<T>): T | null {
    const heap = this.words();
    const id = heap[at]!;
    return id === 0 ? null : make(id, heap[at + 1]!, heap[at + 2]!, heap[at + 3]!, heap[at + 4]!);
  }

  /** A list the binding left as [count, address] in the transfer buffer; the list is freed here. */
  private readNodeList<T>(make: NodeMaker<T>): T[] {
    const heap = this.words();
    const count = heap[this.transfer]!;
    const address = heap[this.transfer + 1]!;
    const nodes = new Array<T>(count);
    // `make` allocates nothing in WASM, so the view stays valid through the loop.
    for (let i = 0; i < count; i++) nodes[i] = this.readNode((address >>> 2) + i * NODE_WORDS, make)!;
    if (count > 0) this.module._free(address);
    return nodes;
  }
}

let initialising: Promise<TreeSitterBinding> | undefined;
let current: TreeSitterBinding | undefined;
