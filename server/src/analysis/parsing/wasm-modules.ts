/**
 * The compiled WASM of the tree-sitter runtime and of the grammars, compiled once per process.
 *
 * V8 compiles WASM lazily with its baseline compiler (Liftoff), a function at its first call, and
 * optimises a function only once it has run for a while. A 10k-line TypeScript file's first parse
 * takes ~110 ms on baseline code and ~50 ms on optimised code. Two things bring the first parse
 * closer to the second, both through compilation hints (compilation-hints.ts):
 * - the runtime's hot functions (runtime-hot-functions.ts) are optimised on V8's background threads
 *   from the start, wherever the runtime is used;
 * - the language server's first step (`compileForServerStartUp`, from dist/server.js before the
 *   server's bundle loads) is to compile the TypeScript grammar optimised, in the background, so that
 *   it is ready when the first document comes.
 *
 * The modules are kept process-wide, on `globalThis`: dist/server.js and the server's bundle each have
 * their own copy of this code, and the second takes what the first started.
 */
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { packageRoot } from '../../util/package-root';
import { HINT, withCompilationHints } from './compilation-hints';
import type { GrammarId } from './parsers';
import { RUNTIME_HOT_FUNCTIONS } from './runtime-hot-functions';
import { withCompilationHintsRead } from './v8-flags';

const COMPILED = Symbol.for('onelogin-codes.compiled-wasm');
type Compiled = Map<string, Promise<WebAssembly.Module>>;
const compiled: Compiled = ((globalThis as { [COMPILED]?: Compiled })[COMPILED] ??= new Map());

/** The grammar the language server compiles optimised at start-up: it reads TypeScript and ArkTS. */
const START_UP_GRAMMAR: GrammarId = 'typescript';

/**
 * The language server's first step. Which grammar is worth it (CPU of an optimised compile, 2 cores):
 * typescript 45 ms, tsx 49, java 30, objc 230, kotlin 480, swift 3,500. Only one fits the time the
 * server takes to load and answer `initialize`.
 */
export function compileForServerStartUp(): void {
  try {
    const file = grammarFile(defaultGrammarDir(), START_UP_GRAMMAR);
    if (!compiled.has(file)) {
      const bytes = readFileSync(file);
      const hinted = withCompilationHints(bytes, () => HINT.optimiseNow) ?? bytes;
      const module = withCompilationHintsRead(() => WebAssembly.compile(hinted));
      // A failure is reported where the module is awaited; until then it must not count as unhandled
      // (Node would end the process).
      module.catch(() => undefined);
      compiled.set(file, module);
    }
  } catch {
    // compiled when first needed, where what went wrong (no package root, no file) is reported
  }
  compiledRuntime().catch(() => undefined);
}

/** The tree-sitter runtime, compiled on first use, its hot functions optimised in the background. */
export function compiledRuntime(): Promise<WebAssembly.Module> {
  const file = runtimePath();
  let module = compiled.get(file);
  if (!module) {
    module = new Promise((resolve) => {
      const bytes = readFileSync(file);
      const hinted = withCompilationHints(bytes, hotRuntimeHint(bytes)) ?? bytes;
      // Compiled at once (lazily, so in some milliseconds); the background work goes on after.
      resolve(withCompilationHintsRead(() => new WebAssembly.Module(hinted)));
    });
    compiled.set(file, module);
  }
  return module;
}

/** A grammar's module, compiled on first use. */
export function compiledGrammar(file: string): Promise<WebAssembly.Module> {
  let module = compiled.get(file);
  if (!module) {
    module = readFile(file).then((bytes) => WebAssembly.compile(bytes));
    compiled.set(file, module);
  }
  return module;
}

/** The hint for each of the runtime's functions; none for a runtime other than the one measured. */
function hotRuntimeHint(runtime: Uint8Array): (functionIndex: number) => number {
  if (runtime.length !== RUNTIME_HOT_FUNCTIONS.runtimeBytes) return () => HINT.asV8Would;
  const hot = new Set<number>(RUNTIME_HOT_FUNCTIONS.functions);
  return (index) => (hot.has(index) ? HINT.optimiseInBackground : HINT.asV8Would);
}

export function defaultGrammarDir(): string {
  return path.join(packageRoot(), 'server', 'grammars');
}

export function grammarFile(grammarDir: string, id: GrammarId): string {
  return path.join(grammarDir, `tree-sitter-${id}.wasm`);
}

const RUNTIME_FILE = 'web-tree-sitter.wasm';

/** web-tree-sitter.wasm sits beside the bundle in dist/, or in node_modules when run from source. */
export function runtimePath(): string {
  const besideBundle = path.join(__dirname, RUNTIME_FILE);
  if (existsSync(besideBundle)) return besideBundle;
  return path.join(packageRoot(), 'node_modules', 'web-tree-sitter', RUNTIME_FILE);
}
