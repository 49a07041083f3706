/**
 * `node dist/server.js`, what clients launch: sets V8's flags for the process, starts compiling the
 * tree-sitter runtime and the TypeScript grammar (on V8's background threads, see
 * analysis/parsing/wasm-modules.ts), then runs the language server (dist/server-main.js, built from
 * main.ts) through V8's code cache. It is a bundle of its own because the cache has to be given to V8
 * before the server's code is compiled.
 */
import * as path from 'node:path';
import { setServerFlags } from './analysis/parsing/v8-flags';
import { compileForServerStartUp } from './analysis/parsing/wasm-modules';
import { runWithCodeCache } from './util/code-cache';

setServerFlags();
compileForServerStartUp();
runWithCodeCache(path.join(__dirname, 'server-main.js'));
