/**
 * The V8 flags the language server runs with, in one place: dist/server.js sets them before any of
 * the server's code is compiled, and wasm-modules.ts switches the compiler for one compile at start-up.
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

/** For one compile: every function now, with the optimising compiler. */
export const OPTIMISE_EAGERLY = '--no-liftoff --no-wasm-lazy-compilation';
/**
 * Node's defaults: each function when first called, with the baseline compiler, optimised when it has
 * run for the budget. `--no-liftoff` also turns dynamic tiering off, and `--liftoff` does not turn it
 * back on; without it V8 optimises every function of a module in the background after instantiation
 * (for Swift's grammar: 3.3 s of CPU and +85 MB of RSS).
 */
export const COMPILE_LAZILY = '--liftoff --wasm-dynamic-tiering --wasm-lazy-compilation';

/**
 * Sets the server's flags, before any of its code is compiled: V8 refuses a code cache made under
 * other flags (it compares their values, so the start-up compile must leave them as it found them).
 */
export function setServerFlags(): void {
  setFlagsFromString(TIERING_BUDGET);
}
