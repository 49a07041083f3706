/** Everything the server tells a client it can do, in one place (tests snapshot it). */
import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver';
import { COMMANDS } from './features/commands';

/** Pull diagnostics when the client can pull them; otherwise the server publishes them. */
export function clientPullsDiagnostics(client: ClientCapabilities): boolean {
  return client.textDocument?.diagnostic !== undefined;
}

export function serverCapabilities(client: ClientCapabilities): ServerCapabilities {
  return {
    positionEncoding: 'utf-16',
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
    hoverProvider: true,
    completionProvider: { triggerCharacters: ['"', "'", '-', ' '], resolveProvider: false },
    codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix], resolveProvider: false },
    codeLensProvider: { resolveProvider: false },
    inlayHintProvider: true,
    executeCommandProvider: { commands: Object.values(COMMANDS) },
    ...(clientPullsDiagnostics(client)
      ? { diagnosticProvider: { identifier: 'onelogin-codes', interFileDependencies: false, workspaceDiagnostics: false } }
      : {}),
  };
}
