/**
 * The VS Code client: starts the language server (dist/server.js) over node-ipc for the served
 * languages, and adds the commands (restart, explain, catalog), the output channel with tracing
 * (`oneloginCodes.trace.server`) and the status item for large files. Every string a user sees goes
 * through vscode.l10n (l10n/bundle.l10n*.json). Nothing here touches the network or the workspace's code.
 */
import * as vscode from 'vscode';
import { ExecuteCommandRequest, LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { Lang, Platform, Product } from '../../server/src/catalog/types';
import { resolveLang } from '../../server/src/i18n/messages';
import { serverEnvironment } from '../../server/src/launch';
import { CLIENT_ID, COMMAND_IDS, SERVED_FILE_PATTERN, SERVED_LANGUAGES, SERVED_SCHEMES, SERVER_COMMANDS } from './constants';
import { CatalogPanel, ExplainPanel, type CatalogRow, type ExplainRequest } from './panels';
import { LargeFileStatus, type AnalysingEvent } from './status';

/** What a command's explanation shows: the server's answer (the same Markdown as the hover card). */
export interface ExplainResult {
  readonly found: boolean;
  readonly markdown: string;
}

/** Returned by activate(): lets tests and other extensions see the client's state. */
export interface OneLoginCodesApi {
  readonly client: LanguageClient;
  /** Fires when the server starts or finishes working on a large document (the status item's state). */
  readonly onDidChangeAnalysing: vscode.Event<AnalysingEvent>;
  /** URIs of the large documents with a pending request. */
  analysing(): string[];
}

/** Set by activate(): VS Code awaits deactivate(), so the server gets its shutdown and exit. */
let stopClient: (() => Promise<void>) | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<OneLoginCodesApi> {
  const output = vscode.window.createOutputChannel(vscode.l10n.t('OneLogin Codes'), { log: true });
  const status = new LargeFileStatus();
  context.subscriptions.push(output, status);

  const module = context.asAbsolutePath('dist/server.js');
  const env = serverEnvironment();
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc, options: { env } },
    debug: { module, transport: TransportKind.ipc, options: { env, execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      ...SERVED_SCHEMES.flatMap((scheme) => SERVED_LANGUAGES.map((language) => ({ scheme, language }))),
      ...SERVED_SCHEMES.map((scheme) => ({ scheme, pattern: SERVED_FILE_PATTERN })),
    ],
    outputChannel: output,
    traceOutputChannel: output,
    // The server reads `oneloginCodes.*` through workspace/configuration; the display language goes
    // as the LSP `locale` (vscode-languageclient sends vscode.env.language), used when the setting is auto.
    initializationOptions: () => JSON.parse(JSON.stringify(vscode.workspace.getConfiguration('oneloginCodes'))) as unknown,
    middleware: status.middleware(),
  };
  const client = new LanguageClient(CLIENT_ID, vscode.l10n.t('OneLogin & OnePass Error Codes'), serverOptions, clientOptions);

  const explainPanel = new ExplainPanel();
  const explain = async (request: ExplainRequest): Promise<ExplainResult> => {
    const result = await runServerCommand<ExplainResult>(client, SERVER_COMMANDS.explain, [request]);
    const answer = result ?? { found: false, markdown: vscode.l10n.t('The language server gave no answer; see the output channel.') };
    explainPanel.show(request.query, answer.markdown, displayLang());
    return answer;
  };
  const catalogPanel = new CatalogPanel((request) => void explain(request));
  const showCatalog = async (): Promise<{ rows: number }> => {
    const rows = (await runServerCommand<CatalogRow[]>(client, SERVER_COMMANDS.catalog, [])) ?? [];
    catalogPanel.show(rows, displayLang());
    return { rows: rows.length };
  };

  context.subscriptions.push(
    explainPanel,
    catalogPanel,
    vscode.commands.registerCommand(COMMAND_IDS.restartServer, async () => {
      output.info('restarting the language server');
      await client.restart();
    }),
    vscode.commands.registerCommand(COMMAND_IDS.showOutput, () => output.show(true)),
    vscode.commands.registerCommand(COMMAND_IDS.showCatalog, showCatalog),
    vscode.commands.registerCommand(COMMAND_IDS.explain, async (argument?: string | ExplainRequest): Promise<ExplainResult | undefined> => {
      const request = typeof argument === 'string' ? { query: argument } : argument?.query ? argument : await askForQuery();
      if (!request || request.query.trim() === '') return undefined;
      return explain({ ...contextFromSettings(), ...request });
    }),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('oneloginCodes.language') && catalogPanel.visible) void showCatalog();
    }),
  );

  stopClient = () => (client.isRunning() ? client.stop() : Promise.resolve());
  await client.start();
  return {
    client,
    onDidChangeAnalysing: status.onDidChange,
    analysing: () => status.analysing(),
  };
}

export async function deactivate(): Promise<void> {
  await stopClient?.();
  stopClient = undefined;
}

/** The query for the Explain command: asked for, starting from the editor's selection. */
async function askForQuery(): Promise<ExplainRequest | undefined> {
  const editor = vscode.window.activeTextEditor;
  const selected = editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection).trim() : '';
  const query = await vscode.window.showInputBox({
    title: vscode.l10n.t('Explain error code or log line'),
    prompt: vscode.l10n.t('An error code (-20202), an SDK constant (GOPErrorSocketError) or a log line / result object'),
    placeHolder: '{"errorCode":"-40201","metadata":{"code":"1001"}}',
    value: selected.length <= 2000 ? selected : '',
    ignoreFocusOut: true,
  });
  return query === undefined ? undefined : { query };
}

/** The product and platform settings, when set, rank the meanings of a code for that context. */
function contextFromSettings(): { product?: Product; platform?: Platform } {
  const config = vscode.workspace.getConfiguration('oneloginCodes');
  const product = config.get<string>('product', 'auto');
  const platform = config.get<string>('platform', 'auto');
  return {
    ...(product !== 'auto' ? { product: product as Product } : {}),
    ...(platform !== 'auto' ? { platform: platform as Platform } : {}),
  };
}

/** The language of the cards: `oneloginCodes.language`, where auto is VS Code's display language. */
function displayLang(): Lang {
  return resolveLang(vscode.workspace.getConfiguration('oneloginCodes').get<string>('language', 'auto'), vscode.env.language);
}

async function runServerCommand<T>(client: LanguageClient, command: string, args: unknown[]): Promise<T | undefined> {
  if (!client.isRunning()) await client.start();
  const result: unknown = await client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args });
  return (result ?? undefined) as T | undefined;
}
