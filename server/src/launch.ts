/**
 * How a client should start the language server, for the clients in this repository (the VS Code
 * extension and the tests' LSP client): `node <SERVER_NODE_FLAGS> dist/server.js` with an environment
 * that spares Node work the server never needs. The README gives the same command line for other editors.
 */

/**
 * V8's young generation starts at 1 MB and doubles as it fills. The first analysis of a big file
 * allocates ~20 MB, most of it short-lived: with the default it took ten collections and a full one,
 * ~28 ms of a 10k-line file's start-up; starting at 16 MB, three collections and ~10 ms. Only a
 * command-line flag can set it (V8 sizes the heap before any code runs), and NODE_OPTIONS does not take it.
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--min-semi-space-size=16'];

/**
 * Variables Node acts on at start-up that only matter to network connections, which the server never
 * opens. Node 20 reads and parses every certificate NODE_EXTRA_CA_CERTS names before it runs any code:
 * 40 ms of the server's start-up on a 2-core machine whose environment sets it to the system bundle.
 */
const NETWORK_ONLY_VARIABLES = ['NODE_EXTRA_CA_CERTS'] as const;

/**
 * The server's environment: `base` without the network-only variables. They are set to `undefined`,
 * not deleted, so that a client that lays this over its own environment (vscode-languageclient does)
 * drops them too; Node leaves undefined values out of a child's environment.
 */
export function serverEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const environment: NodeJS.ProcessEnv = { ...base };
  for (const name of NETWORK_ONLY_VARIABLES) environment[name] = undefined;
  return environment;
}
