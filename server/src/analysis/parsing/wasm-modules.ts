/**
 * The compiled WASM of the tree-sitter runtime and of the grammars, compiled once per process.
 *
 * V8 compiles WASM lazily with its baseline compiler (Liftoff), and optimises a function only after it
 * has run for a while. A 10k-line TypeScript file's first parse takes ~110 ms on that baseline code
 * and ~50 ms once optimised. So the language server, as its very first step, has V8 compile the
 * TypeScript grammar with the optimising compiler (`optimiseAtStartUp`). That compile runs on V8's
 * background threads while the rest of the server loads, and the first parse then takes ~85 ms.
 *
 * V8 takes the compiler choice from process-wide flags, read when a compile starts work on its
 * background threads, not when it is called. So the flags stay switched until that compile is done,
 * and every other compile waits for it (`optimising`); anything compiled meanwhile would be compiled
 * eagerly and optimised too.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { packageRoot } from '../../util/package-root';
import { COMPILE_LAZILY, OPTIMISE_EAGERLY } from './v8-flags';

const modules = new Map<string, Promise<WebAssembly.Module>>();
let runtime: WebAssembly.Module | undefined;
/** Settles when no optimising compile is running and the flags are back to Node's defaults. */
let optimising: Promise<unknown> = Promise.resolve();

/**
 * Compiles `grammarFile` with the optimising compiler, off the main thread. Call it once, before
 * anything else loads: the runtime is compiled first (lazily: that takes ~2 ms) so that it is not
 * optimised whole, which would take ~150 ms.
 *
 * Which grammar is worth it (CPU of an optimised compile, 2 cores): typescript 45 ms, tsx 49, java 30,
 * objc 230, kotlin 480, swift 3,500. Only one fits the ~50 ms the server takes to load: with a second
 * one both finish after the first document arrives, and its parse waits for them.
 */
export function optimiseAtStartUp(grammarFile: string): void {
  if (modules.has(grammarFile)) return;
  let bytes: Buffer;
  try {
    compiledRuntime();
    bytes = readFileSync(grammarFile);
  } catch {
    return; // compiled lazily instead, and a file that cannot be read is reported where it is needed
  }
  setFlagsFromString(OPTIMISE_EAGERLY);
  const grammar = WebAssembly.compile(bytes);
  modules.set(grammarFile, grammar);
  // A server that exits before the compile is done leaves with the defaults too: the server's code
  // cache is made on exit, stamped with the flags of that moment.
  const restore = () => setFlagsFromString(COMPILE_LAZILY);
  process.once('exit', restore);
  optimising = grammar
    .catch(() => undefined) // the error reaches whoever loads the grammar
    .finally(() => {
      process.off('exit', restore);
      restore();
    });
}

/** The tree-sitter runtime, compiled on first use (lazily: its functions compile when first called). */
export function compiledRuntime(): WebAssembly.Module {
  return (runtime ??= new WebAssembly.Module(readFileSync(runtimePath())));
}

/** A grammar's module, compiled on first use. */
export function compiledGrammar(file: string): Promise<WebAssembly.Module> {
  let module = modules.get(file);
  if (!module) {
    module = optimising.then(() => readFile(file)).then((bytes) => WebAssembly.compile(bytes));
    modules.set(file, module);
  }
  return module;
}

const RUNTIME_FILE = 'web-tree-sitter.wasm';

/** web-tree-sitter.wasm sits beside the bundle in dist/, or in node_modules when run from source. */
function runtimePath(): string {
  const besideBundle = path.join(__dirname, RUNTIME_FILE);
  if (existsSync(besideBundle)) return besideBundle;
  return path.join(packageRoot(), 'node_modules', 'web-tree-sitter', RUNTIME_FILE);
}
