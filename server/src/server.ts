/** Binds LSP requests to the features. Handlers stay thin: the work is in pure functions. */
import type { Connection } from 'vscode-languageserver';
import { TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { serverCapabilities } from './capabilities';
import { bundledCatalogPath, loadCatalogFile } from './catalog/catalog';

export const SERVER_NAME = 'onelogin-codes';
export const SERVER_VERSION = '0.1.0';

export function startServer(connection: Connection): void {
  const documents = new TextDocuments(TextDocument);

  connection.onInitialize(() => {
    const catalog = loadCatalogFile(bundledCatalogPath());
    connection.console.info(`${SERVER_NAME}: catalog loaded, ${catalog.entries.length} rows`);
    return { capabilities: serverCapabilities(), serverInfo: { name: SERVER_NAME, version: SERVER_VERSION } };
  });

  documents.listen(connection);
  connection.listen();
}
