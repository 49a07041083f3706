/**
 * The part of the WebAssembly JS API the parsing layer and its tests call. TypeScript's ES2022 lib
 * leaves it to the DOM lib, and @types/node 20 does not declare it.
 */
declare global {
  namespace WebAssembly {
    /** A compiled module: an opaque handle. */
    interface Module {}
    interface Instance {
      readonly exports: Record<string, unknown>;
    }
    type Imports = Record<string, Record<string, unknown>>;
    interface ModuleDescriptor {
      readonly name: string;
      readonly kind: 'function' | 'table' | 'memory' | 'global' | 'tag';
    }
    const Module: {
      new (bytes: Uint8Array): Module;
      imports(module: Module): ModuleDescriptor[];
      exports(module: Module): ModuleDescriptor[];
      customSections(module: Module, name: string): ArrayBuffer[];
    };
    const Instance: new (module: Module, imports?: Imports) => Instance;
    function compile(bytes: Uint8Array): Promise<Module>;
    function validate(bytes: Uint8Array): boolean;
  }
}

export {};
