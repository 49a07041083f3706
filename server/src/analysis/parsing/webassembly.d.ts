/**
 * The part of the WebAssembly JS API the parsing layer calls. TypeScript's ES2022 lib leaves it to the
 * DOM lib, and @types/node 20 does not declare it.
 */
declare global {
  namespace WebAssembly {
    /** A compiled module: an opaque handle. */
    interface Module {}
    interface Instance {
      readonly exports: Record<string, unknown>;
    }
    type Imports = Record<string, Record<string, unknown>>;
    const Module: new (bytes: Uint8Array) => Module;
    const Instance: new (module: Module, imports?: Imports) => Instance;
    function compile(bytes: Uint8Array): Promise<Module>;
  }
}

export {};
