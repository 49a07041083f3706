/**
 * The language server's transport: stdio (`--stdio`) or node-ipc (`--node-ipc`, used by the VS Code
 * client), chosen by vscode-languageserver from the command line. Logic lives in server.ts.
 */
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// V8 recompiles a WASM function with its optimising compiler once it has run for a "budget", charged
// by function size. The grammars' lexers are huge single functions (Swift's: 341 KB of code, 4 s of
// CPU and ~80 MB of RSS to optimise), so the default budget (1.8M) is spent on a document's first
// line. With this one, only a lexer that has tokenised a big file's worth (some thousands of
// tokens) is optimised, where the 1.7× faster parse pays; small documents stay on the baseline
// compiler. Read when a module is instantiated, so it is set before any grammar loads.
setFlagsFromString('--wasm-tiering-budget=100000000');

startServer(createConnection(ProposedFeatures.all));
