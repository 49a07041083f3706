/**
 * The V8 flags the language server runs with, in one place: dist/server.js sets them before any of
 * the server's code is compiled, and WASM compiles switch one on for the moment they are called.
 */
import { setFlagsFromString } from 'node:v8';

/**
 * V8 recompiles a WASM function with its optimising compiler once it has run for a "budget", charged
 * by function size. The grammars' lexers are huge single functions (Swift's: 341 KB of code, 4 s of
 * CPU and ~80 MB of RSS to optimise), so the default budget (1.8M) is spent on a document's first
 * line. With this one, only a lexer that has tokenised a big file's worth (some thousands of tokens)
 * is optimised, where the 1.7× faster parse pays; small documents stay on the baseline compiler. Read
 * when a module is instantiated.
 */
const TIERING_BUDGET = '--wasm-tiering-budget=100000000';

/**
 * Sets the server's flags, before any of its code is compiled: V8 refuses a code cache made under
 * other flags (it compares their values, so every flag switched later must be switched back at once).
 */
export function setServerFlags(): void {
  setFlagsFromString(TIERING_BUDGET);
}

/**
 * Runs `compile` (a WebAssembly compile call) with V8 reading compilation hints (compilation-hints.ts).
 * V8 takes the flag when the compile is called, also for one it finishes in the background, so the
 * flag is on for that call only and no other compile, nor a code cache made meanwhile, sees it.
 */
export function withCompilationHintsRead<T>(compile: () => T): T {
  setFlagsFromString('--experimental-wasm-compilation-hints');
  try {
    return compile();
  } finally {
    setFlagsFromString('--no-experimental-wasm-compilation-hints');
  }
}
