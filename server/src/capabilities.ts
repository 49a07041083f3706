/** Everything the server tells a client it can do, in one place (tests snapshot it). */
import { CodeActionKind, TextDocumentSyncKind, type ClientCapabilities, type ServerCapabilities } from 'vscode-languageserver';
import { COMMANDS } from './features/commands';
import type { DiagnosticFields } from './features/diagnostics';

/** Pull diagnostics when the client can pull them; otherwise the server publishes them. */
export function clientPullsDiagnostics(client: ClientCapabilities): boolean {
  return client.textDocument?.diagnostic !== undefined;
}

/**
 * The optional diagnostic fields the client uses. LSP 3.18 lets a pull client declare them beside its
 * pull capability; clients of 3.16 and 3.17 declare them under publishDiagnostics for both models.
 */
export function diagnosticFieldsFor(client: ClientCapabilities): DiagnosticFields {
  const declared = [client.textDocument?.publishDiagnostics, client.textDocument?.diagnostic];
  return {
    codeDescription: declared.some((c) => c?.codeDescriptionSupport === true),
    data: declared.some((c) => c?.dataSupport === true),
  };
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
