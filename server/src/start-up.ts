/**
 * The language server's first step, imported first by main.ts (modules run in import order): the
 * TypeScript grammar (for TypeScript and ArkTS documents) starts compiling, optimised, on V8's
 * background threads while the rest of the server loads. See analysis/parsing/wasm-modules.ts.
 *
 * Not earlier, in boot.ts: V8's flags differ while that compile runs, and V8 would refuse the code cache
 * of the server's bundle if the bundle were compiled meanwhile.
 */
import { optimiseStartUpGrammar } from './analysis/parsing/parsers';

optimiseStartUpGrammar();
