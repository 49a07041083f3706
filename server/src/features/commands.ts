/**
 * Commands a client can run through workspace/executeCommand, with the same logic as the CLI:
 * explain a code or a log line (Markdown card), list the catalog (public rows).
 */
import type { Catalog } from '../catalog/catalog';
import { toPublicRow, type PublicRow } from '../catalog/public-row';
import type { Lang, Platform, Product } from '../catalog/types';
import { codeOfQuery, explainCode, explainLog } from '../explain/explain';
import { candidatesMarkdown, escapeMarkdown } from '../explain/render-markdown';
import { t } from '../i18n/messages';

export const COMMANDS = {
  explain: 'oneloginCodes.server.explain',
  catalog: 'oneloginCodes.server.catalog',
} as const;

export interface ExplainArguments {
  /** A code ("-20202"), an SDK constant (GOPErrorSocketError) or a log line / result object. */
  readonly query: string;
  readonly product?: Product;
  readonly platform?: Platform;
}

export interface ExplainResult {
  readonly found: boolean;
  readonly markdown: string;
}

export function runExplain(args: ExplainArguments, catalog: Catalog, lang: Lang): ExplainResult {
  const query = args.query.trim();
  const context = { product: args.product, platform: args.platform };
  const code = codeOfQuery(catalog, query);
  if (code !== undefined) {
    const result = explainCode(catalog, code, context);
    if (result.candidates.length > 0) return { found: true, markdown: candidatesMarkdown(result.candidates, catalog, lang, 20) };
    const lines = [escapeMarkdown(t(lang, 'unknownCode', code))];
    if (result.nearMisses.length > 0) lines.push(escapeMarkdown(t(lang, 'didYouMean', result.nearMisses.join(', '))));
    return { found: false, markdown: lines.join('\n\n') };
  }
  const log = explainLog(catalog, query, context);
  const parts: string[] = [];
  if (log.sdk && log.found.sdk && log.sdk.candidates.length > 0) {
    parts.push(`### ${escapeMarkdown(t(lang, 'logSdkCode', log.found.sdk.key))}`, candidatesMarkdown(log.sdk.candidates, catalog, lang));
  }
  if (log.carrier && log.found.carrier && log.carrier.candidates[0]) {
    parts.push(
      `### ${escapeMarkdown(t(lang, 'logCarrierCode', log.found.carrier.key))}`,
      candidatesMarkdown(log.carrier.candidates, catalog, lang),
    );
  }
  if (parts.length === 0) return { found: false, markdown: escapeMarkdown(t(lang, 'logNothingFound')) };
  return { found: true, markdown: parts.join('\n\n') };
}

export function runCatalog(catalog: Catalog): PublicRow[] {
  return catalog.entries.map(toPublicRow);
}
