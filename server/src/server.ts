/**
 * Binds LSP requests to the features. Handlers stay thin: they fetch the document's analysis (one per
 * version, shared) and call a pure function. Any error inside a handler is logged and answered with an
 * empty result; the server never goes down over one document.
 */
import {
  CompletionItemKind,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  InlayHintKind,
  MarkupKind,
  TextDocuments,
  type ClientCapabilities,
  type Connection,
  type InitializeParams,
} from 'vscode-languageserver';
import { AnalysisCache } from './analysis-cache';
import { Parsers } from './analysis/parsing/parsers';
import type { Analysis } from './analysis/types';
import { clientPullsDiagnostics, diagnosticFieldsFor, serverCapabilities } from './capabilities';
import { loadBundledCatalog, loadCatalogFile, type Catalog } from './catalog/catalog';
import type { Lang } from './catalog/types';
import { VERSION } from './version';
import { codeActions } from './features/code-actions';
import { codeLenses } from './features/code-lens';
import { COMMANDS, runCatalog, runExplain, type ExplainArguments } from './features/commands';
import { completions } from './features/completion';
import { toDiagnostics, type DiagnosticFields } from './features/diagnostics';
import { hoverAt } from './features/hover';
import { inlayHints } from './features/inlay-hints';
import { toLspRange } from './features/positions';
import { resolveLang } from './i18n/messages';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from './settings';
import { OpenDocument } from './util/open-document';

export const SERVER_NAME = 'onelogin-codes';

interface Session {
  /** The catalog in use: the bundled one, or oneloginCodes.catalogFile when that file is valid. */
  catalog: Catalog;
  catalogFile: string;
  cache: AnalysisCache;
  readonly bundledCatalog: Catalog;
  readonly parsers: Parsers;
  readonly client: ClientCapabilities;
  readonly diagnosticFields: DiagnosticFields;
  readonly locale: string | undefined;
  settings: Settings;
}

export function startServer(connection: Connection): void {
  const documents = new TextDocuments({ create: OpenDocument.create, update: OpenDocument.update });
  let ready: Promise<Session> | undefined;
  const log = (message: string) => connection.console.log(`[${new Date().toISOString()}] ${message}`);

  connection.onInitialize(async (params: InitializeParams) => {
    const catalog = loadBundledCatalog();
    ready = Parsers.create().then((parsers) => {
      const session: Session = {
        catalog,
        catalogFile: '',
        bundledCatalog: catalog,
        parsers,
        cache: new AnalysisCache(catalog, parsers, log),
        client: params.capabilities,
        diagnosticFields: diagnosticFieldsFor(params.capabilities),
        locale: params.locale,
        settings: DEFAULT_SETTINGS,
      };
      applySettings(session, settingsFrom(params.initializationOptions, log));
      return session;
    });
    await ready;
    log(`${SERVER_NAME} ${VERSION}: catalog of ${catalog.entries.length} rows loaded`);
    return { capabilities: serverCapabilities(params.capabilities), serverInfo: { name: SERVER_NAME, version: VERSION } };
  });

  connection.onInitialized(async () => {
    const s = await ready!;
    if (s.client.workspace?.didChangeConfiguration?.dynamicRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'oneloginCodes' });
    }
    await refreshSettings(s);
  });

  connection.onDidChangeConfiguration(async (change) => {
    const s = await ready!;
    const pushed = (change.settings as { oneloginCodes?: unknown } | null)?.oneloginCodes;
    if (pushed !== undefined && !s.client.workspace?.configuration) applySettings(s, settingsFrom(pushed, log));
    else await refreshSettings(s);
    if (clientPullsDiagnostics(s.client)) connection.languages.diagnostics.refresh();
    else for (const document of documents.all()) void publish(document);
  });

  async function refreshSettings(s: Session): Promise<void> {
    if (!s.client.workspace?.configuration) return;
    try {
      const raw: unknown = await connection.workspace.getConfiguration({ section: 'oneloginCodes' });
      applySettings(s, settingsFrom(raw, log));
    } catch (error) {
      log(`could not read the settings (${String(error)}); using the defaults`);
      applySettings(s, DEFAULT_SETTINGS);
    }
  }

  /** Takes new settings; a changed catalogFile is loaded and validated, and a bad one keeps the bundled catalog. */
  function applySettings(s: Session, settings: Settings): void {
    s.settings = settings;
    if (settings.catalogFile === s.catalogFile) return;
    s.catalogFile = settings.catalogFile;
    let catalog = s.bundledCatalog;
    if (settings.catalogFile !== '') {
      try {
        catalog = loadCatalogFile(settings.catalogFile);
        log(`using the catalog ${settings.catalogFile} (${catalog.entries.length} rows)`);
      } catch (error) {
        log(`oneloginCodes.catalogFile: ${(error as Error).message}\nusing the bundled catalog instead`);
      }
    }
    if (catalog !== s.catalog) {
      s.cache.dispose();
      s.catalog = catalog;
      s.cache = new AnalysisCache(catalog, s.parsers, log);
    }
  }

  const lang = (s: Session): Lang => resolveLang(s.settings.language, s.locale);

  /** The document's analysis; `lines` is the document itself, whose line table is computed once per version. */
  async function analysisOf(uri: string): Promise<{ s: Session; document: OpenDocument; analysis: Analysis; lines: OpenDocument } | null> {
    const s = await ready;
    const document = documents.get(uri);
    if (!s || !document) return null;
    const analysis = await s.cache.analysisOf(document, s.settings);
    return { s, document, analysis, lines: document };
  }

  async function diagnosticsOf(uri: string) {
    const found = await analysisOf(uri);
    if (!found) return [];
    const { analysis, document, lines, s } = found;
    return toDiagnostics(analysis, document.getText(), lines, s.settings, lang(s), s.diagnosticFields);
  }

  async function publish(document: OpenDocument): Promise<void> {
    try {
      const diagnostics = await diagnosticsOf(document.uri);
      if (documents.get(document.uri)?.version === document.version) {
        await connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
      }
    } catch (error) {
      log(`diagnostics for ${document.uri} failed: ${(error as Error).stack ?? String(error)}`);
    }
  }

  documents.onDidChangeContent(async ({ document }) => {
    const s = await ready;
    if (s && !clientPullsDiagnostics(s.client)) await publish(document);
  });

  documents.onDidClose(async ({ document }) => {
    const s = await ready;
    s?.cache.close(document.uri);
    if (s && !clientPullsDiagnostics(s.client)) void connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  });

  connection.languages.diagnostics.on(
    guard(log, { kind: DocumentDiagnosticReportKind.Full, items: [] }, async (params) => ({
      kind: DocumentDiagnosticReportKind.Full,
      items: await diagnosticsOf(params.textDocument.uri),
    })),
  );

  connection.onHover(
    guard(log, null, async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      if (!found) return null;
      const card = hoverAt(found.analysis, found.lines.offsetAt(params.position), found.s.catalog, lang(found.s));
      return card && { contents: { kind: MarkupKind.Markdown, value: card.markdown }, range: toLspRange(found.lines, card.range) };
    }),
  );

  connection.onCodeAction(
    guard(log, [], async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      if (!found) return [];
      return codeActions({
        uri: params.textDocument.uri,
        text: found.document.getText(),
        lines: found.lines,
        analysis: found.analysis,
        catalog: found.s.catalog,
        lang: lang(found.s),
        diagnostics: params.context.diagnostics,
      });
    }),
  );

  connection.onCompletion(
    guard(log, [], async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      if (!found) return [];
      const offset = found.lines.offsetAt(params.position);
      return completions(found.analysis, found.document.getText(), offset, found.s.catalog, lang(found.s)).map((item) => ({
        label: item.label,
        kind: CompletionItemKind.Constant,
        detail: item.detail,
        documentation: { kind: MarkupKind.Markdown, value: item.documentation },
        sortText: item.sortText,
        filterText: item.label,
        textEdit: {
          range: { start: found.lines.positionAt(item.replaceStart), end: found.lines.positionAt(item.replaceEnd) },
          newText: item.insertText,
        },
      }));
    }),
  );

  connection.languages.inlayHint.on(
    guard(log, [], async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      if (!found || !found.s.settings.inlayHints.enable) return [];
      const from = found.lines.offsetAt(params.range.start);
      const to = found.lines.offsetAt(params.range.end);
      return inlayHints(found.analysis, lang(found.s), from, to).map((hint) => ({
        position: found.lines.positionAt(hint.offset),
        label: hint.label,
        kind: InlayHintKind.Parameter,
        tooltip: hint.tooltip,
        paddingLeft: true,
      }));
    }),
  );

  connection.onCodeLens(
    guard(log, [], async (params) => {
      const found = await analysisOf(params.textDocument.uri);
      if (!found || !found.s.settings.codeLens.enable) return [];
      return codeLenses(found.analysis, found.s.catalog, lang(found.s)).map((lens) => ({
        range: toLspRange(found.lines, lens.range),
        command: { title: lens.title, command: '' },
      }));
    }),
  );

  connection.onExecuteCommand(
    guard(log, null, async (params) => {
      const s = await ready;
      if (!s) return null;
      if (params.command === COMMANDS.explain) {
        const [args] = (params.arguments ?? []) as [ExplainArguments | string | undefined];
        const query = typeof args === 'string' ? { query: args } : args;
        if (!query || typeof query.query !== 'string') return { found: false, markdown: 'Usage: explain(query: string)' };
        return runExplain(query, s.catalog, lang(s));
      }
      if (params.command === COMMANDS.catalog) return runCatalog(s.catalog);
      return null;
    }),
  );

  documents.listen(connection);
  connection.listen();
}

function settingsFrom(raw: unknown, log: (message: string) => void): Settings {
  const { settings, problems } = parseSettings(raw);
  for (const problem of problems) log(`invalid setting: ${problem}`);
  return settings;
}

/** Wraps a request handler so that an exception is logged and answered with `fallback`. */
function guard<P, R>(log: (message: string) => void, fallback: R, handler: (params: P) => Promise<R>): (params: P) => Promise<R> {
  return async (params: P) => {
    try {
      return await handler(params);
    } catch (error) {
      log(`request failed: ${(error as Error).stack ?? String(error)}`);
      return fallback;
    }
  };
}
