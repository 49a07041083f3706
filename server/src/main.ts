/**
 * The language server's transport: stdio (`--stdio`) or node-ipc (`--node-ipc`, used by the VS Code
 * client), chosen by vscode-languageserver from the command line. Logic lives in server.ts. Built into
 * dist/server-main.js, which dist/server.js (boot.ts) runs.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

startServer(createConnection(ProposedFeatures.all));
