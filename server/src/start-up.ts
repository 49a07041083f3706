/**
 * The language server's first step, imported first by main.ts (modules run in import order): the
 * TypeScript grammar (for TypeScript and ArkTS documents) starts compiling, optimised, on V8's
 * background threads while the rest of the server loads. See analysis/parsing/wasm-modules.ts.
 */
import { optimiseStartUpGrammar } from './analysis/parsing/parsers';

optimiseStartUpGrammar();
