/** Everything the server tells a client it can do, in one place (tests snapshot it). */
import { TextDocumentSyncKind, type ServerCapabilities } from 'vscode-languageserver';

export function serverCapabilities(): ServerCapabilities {
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  };
}
