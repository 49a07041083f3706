/**
 * V8's compilation hints for WebAssembly: a custom section named `compilationHints` with one byte per
 * function the module defines, saying when to compile that function and with which compiler. V8 reads
 * the section only while `--experimental-wasm-compilation-hints` is on (see v8-flags.ts). V8 11 to 13
 * (Node 20 to 24) honour it; V8 14 keeps the flag but ignores this section, and the module is then
 * compiled as it would be without it (lazily, optimised where it runs hot).
 *
 * A hint byte holds the strategy (bits 0–1), the compiler of a function's first code (bits 2–3) and
 * its top compiler (bits 4–5). The section stands after the function section and before the code
 * section.
 */

const STRATEGY = { asV8Would: 0, lazy: 1, eager: 2, lazyFirstCodeEagerTop: 3 } as const;
/** V8's baseline compiler is Liftoff, its optimising compiler TurboFan. */
const COMPILER = { asV8Would: 0, baseline: 1, optimising: 2 } as const;

function hint(strategy: number, firstCode: number, top: number): number {
  return strategy | (firstCode << 2) | (top << 4);
}

export const HINT = {
  /** As V8 would: compiled with the baseline compiler on the first call, optimised once it runs hot. */
  asV8Would: hint(STRATEGY.asV8Would, COMPILER.asV8Would, COMPILER.asV8Would),
  /** Optimised now: the module is ready when every such function is compiled. */
  optimiseNow: hint(STRATEGY.eager, COMPILER.optimising, COMPILER.optimising),
  /**
   * Optimised on V8's background threads from the start, baseline code until then: the module is ready
   * at once, and each call after the optimised code is in runs it.
   */
  optimiseInBackground: hint(STRATEGY.lazyFirstCodeEagerTop, COMPILER.asV8Would, COMPILER.optimising),
} as const;

const MAGIC_AND_VERSION = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
const SECTION = { custom: 0, import: 2, function: 3, export: 7, code: 10 } as const;
/** What an import or an export is. */
const EXTERNAL_KIND = { function: 0, table: 1, memory: 2, global: 3, tag: 4 } as const;

/**
 * `wasm` with a hints section holding `hintFor(index)` for each function it defines, where `index`
 * counts the imported functions first, as V8 numbers functions in its traces. Null when the bytes are
 * not a module this can read (they are then compiled as they are, and the compile reports the error).
 */
export function withCompilationHints(wasm: Uint8Array, hintFor: (functionIndex: number) => number): Uint8Array | null {
  const layout = readLayout(wasm);
  if (!layout) return null;
  const name = new TextEncoder().encode('compilationHints');
  const hints = Array.from({ length: layout.definedFunctions }, (_, i) => hintFor(layout.importedFunctions + i));
  const content = [...unsignedLeb(name.length), ...name, ...unsignedLeb(hints.length), ...hints];
  const section = Uint8Array.from([SECTION.custom, ...unsignedLeb(content.length), ...content]);
  const out = new Uint8Array(wasm.length + section.length);
  out.set(wasm.subarray(0, layout.codeSectionStart));
  out.set(section, layout.codeSectionStart);
  out.set(wasm.subarray(layout.codeSectionStart), layout.codeSectionStart + section.length);
  return out;
}

/** What the hints need to know of a module. */
export interface ModuleLayout {
  readonly importedFunctions: number;
  readonly definedFunctions: number;
  /** Where the code section's id byte is. */
  readonly codeSectionStart: number;
  /** The exported functions by name, with their indices (imports counted); read when asked for. */
  readonly exportedFunctions: ReadonlyMap<string, number>;
}

/** Reads a module's sections up to its code section; null when it is not a module with code. */
export function readLayout(wasm: Uint8Array, { withExports = false } = {}): ModuleLayout | null {
  if (wasm.length < 8 || MAGIC_AND_VERSION.some((byte, i) => wasm[i] !== byte)) return null;
  const reader = new Reader(wasm, 8);
  let importedFunctions = 0;
  let definedFunctions = 0;
  const exportedFunctions = new Map<string, number>();
  try {
    while (reader.offset < wasm.length) {
      const start = reader.offset;
      const id = reader.byte();
      const size = reader.leb();
      const end = reader.offset + size;
      if (id === SECTION.code) return { importedFunctions, definedFunctions, codeSectionStart: start, exportedFunctions };
      if (id === SECTION.import) importedFunctions = countImportedFunctions(reader);
      else if (id === SECTION.function) definedFunctions = reader.leb();
      else if (id === SECTION.export && withExports) readExports(reader, exportedFunctions);
      reader.offset = end;
    }
  } catch {
    return null; // ran off the end: not a module this can read
  }
  return null;
}

function countImportedFunctions(reader: Reader): number {
  let functions = 0;
  for (let count = reader.leb(); count > 0; count--) {
    reader.skipName();
    reader.skipName();
    const kind = reader.byte();
    if (kind === EXTERNAL_KIND.function) {
      functions++;
      reader.leb();
    } else if (kind === EXTERNAL_KIND.table) {
      reader.byte(); // element type
      reader.skipLimits();
    } else if (kind === EXTERNAL_KIND.memory) {
      reader.skipLimits();
    } else if (kind === EXTERNAL_KIND.global) {
      reader.byte(); // value type
      reader.byte(); // mutability
    } else if (kind === EXTERNAL_KIND.tag) {
      reader.byte(); // attribute
      reader.leb();
    } else {
      throw new Error(`unknown import kind ${kind}`);
    }
  }
  return functions;
}

function readExports(reader: Reader, exportedFunctions: Map<string, number>): void {
  for (let count = reader.leb(); count > 0; count--) {
    const name = reader.name();
    const kind = reader.byte();
    const index = reader.leb();
    if (kind === EXTERNAL_KIND.function) exportedFunctions.set(name, index);
  }
}

class Reader {
  constructor(
    private readonly bytes: Uint8Array,
    public offset: number,
  ) {}

  byte(): number {
    if (this.offset >= this.bytes.length) throw new RangeError('past the end');
    return this.bytes[this.offset++]!;
  }

  leb(): number {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = this.byte();
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  }

  name(): string {
    const length = this.leb();
    const text = new TextDecoder().decode(this.bytes.subarray(this.offset, this.offset + length));
    this.offset += length;
    return text;
  }

  skipName(): void {
    const length = this.leb();
    this.offset += length;
  }

  /** Limits: flags (bit 0: a maximum follows), the minimum, the maximum. */
  skipLimits(): void {
    const flags = this.byte();
    this.leb();
    if (flags & 1) this.leb();
  }
}

function unsignedLeb(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  do {
    const low = rest % 128;
    rest = Math.floor(rest / 128);
    bytes.push(rest > 0 ? low | 0x80 : low);
  } while (rest > 0);
  return bytes;
}
