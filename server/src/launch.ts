/**
 * How a client should start the language server, for the clients in this repository (the VS Code
 * extension and the tests' LSP client): `node dist/server.js` with an environment that spares Node
 * work the server never needs.
 */

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
