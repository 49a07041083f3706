/**
 * The language server's transport: stdio (`--stdio`) or node-ipc (`--node-ipc`, used by the VS Code
 * client), chosen by vscode-languageserver from the command line. Logic lives in server.ts. Built into
 * dist/server-main.js, which dist/server.js (boot.ts) runs.
 */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

const connection = createConnection(ProposedFeatures.all);
// A failure nothing awaits (a notification's handler, a broken installation) is logged; Node would
// otherwise end the process on it.
process.on('unhandledRejection', (reason) => {
  connection.console.error(`onelogin-codes: unexpected failure: ${reason instanceof Error ? (reason.stack ?? reason.message) : String(reason)}`);
});
startServer(connection);
