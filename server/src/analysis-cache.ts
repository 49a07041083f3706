/**
 * One analysis per document version, shared by every feature (hover, diagnostics, code actions, lenses,
 * completion, inlay hints). Each open document keeps its syntax tree for incremental re-parses;
 * analyses of one document run one after another, because they share that tree.
 */
import { emptyAnalysis } from './analysis/analyze';
import { IncrementalDocument } from './analysis/incremental';
import { languageForFile, LSP_LANGUAGE_IDS } from './analysis/languages';
import type { Parsers } from './analysis/parsing/parsers';
import type { AnalysisSettings } from './analysis/recognize';
import type { Analysis, SourceLanguage } from './analysis/types';
import type { Catalog } from './catalog/catalog';
import type { Settings } from './settings';
import type { OpenDocument } from './util/open-document';

interface Entry {
  readonly document: IncrementalDocument;
  version: number;
  settingsKey: string;
  analysis: Promise<Analysis>;
}

export class AnalysisCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly catalog: Catalog,
    private readonly parsers: Parsers,
    private readonly log: (message: string) => void,
  ) {}

  /** The analysis of this version of the document under these settings (computed once). */
  analysisOf(document: OpenDocument, settings: Settings): Promise<Analysis> {
    const language = sourceLanguageOf(document);
    const settingsKey = JSON.stringify([settings.product, settings.platform, settings.maxFileSize, settings.enable]);
    let entry = this.entries.get(document.uri);
    if (entry && entry.version === document.version && entry.settingsKey === settingsKey) return entry.analysis;
    if (!entry) {
      entry = { document: new IncrementalDocument(this.catalog, this.parsers), version: -1, settingsKey: '', analysis: Promise.resolve(emptyAnalysis(language ?? 'typescript')) };
      this.entries.set(document.uri, entry);
    }
    const previous = entry.analysis;
    const owner = entry;
    entry.version = document.version;
    entry.settingsKey = settingsKey;
    entry.analysis = previous
      .catch(() => undefined)
      .then(() => this.run(owner.document, document, language, settings));
    return entry.analysis;
  }

  /** Frees every document's tree (the cache is being replaced). */
  dispose(): void {
    for (const uri of [...this.entries.keys()]) this.close(uri);
  }

  close(uri: string): void {
    const entry = this.entries.get(uri);
    if (!entry) return;
    this.entries.delete(uri);
    void entry.analysis.finally(() => entry.document.dispose());
  }

  private async run(incremental: IncrementalDocument, document: OpenDocument, language: SourceLanguage | undefined, settings: Settings): Promise<Analysis> {
    if (!language || !settings.enable) return emptyAnalysis(language ?? 'typescript', settings.enable ? null : 'disabled by oneloginCodes.enable');
    const text = document.getText();
    if (utf8LengthOver(text, settings.maxFileSize)) {
      incremental.dispose();
      const reason = `${document.uri} is larger than oneloginCodes.maxFileSize (${settings.maxFileSize} bytes); not analysed: raise the setting to analyse it`;
      this.log(reason);
      return emptyAnalysis(language, reason);
    }
    if (text.includes('\u0000')) {
      incremental.dispose();
      return emptyAnalysis(language, `${document.uri} looks binary; not analysed`);
    }
    const analysisSettings: AnalysisSettings = {
      ...(settings.product === 'auto' ? {} : { product: settings.product }),
      ...(settings.platform === 'auto' ? {} : { platform: settings.platform }),
    };
    try {
      const analysis = await incremental.analyze({ text, language, fileName: document.uri, settings: analysisSettings });
      if (analysis.skipped) this.log(`${document.uri}: ${analysis.skipped}`);
      return analysis;
    } catch (error) {
      incremental.dispose();
      this.log(`analysis of ${document.uri} failed: ${(error as Error).stack ?? String(error)}`);
      return emptyAnalysis(language, `analysis failed: ${(error as Error).message}`);
    }
  }
}

export function sourceLanguageOf(document: OpenDocument): SourceLanguage | undefined {
  return LSP_LANGUAGE_IDS[document.languageId] ?? languageForFile(document.uri);
}

/** Whether the text takes more than `limit` bytes in UTF-8, without encoding it when the length settles it. */
function utf8LengthOver(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return Buffer.byteLength(text, 'utf8') > limit;
}
