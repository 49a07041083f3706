/**
 * Completion of codes where a handler compares or dispatches: inside a recognised handler the codes of
 * its table that it does not handle yet; elsewhere, after `case`, `==`, `.equals(` … in a file that uses
 * the SDK, the codes of the table the file points to.
 */
import type { Analysis, SourceLanguage } from '../analysis/types';
import type { Catalog } from '../catalog/catalog';
import type { CodeTable, Lang } from '../catalog/types';
import { buildCard } from '../explain/card';
import { cardMarkdown } from '../explain/render-markdown';
import { SNIPPETS } from './fixes/snippets';
import { handlerAt } from './lookup';

export interface CodeCompletion {
  readonly label: string;
  readonly insertText: string;
  /** Offsets of the text the item replaces (what was typed of the code so far). */
  readonly replaceStart: number;
  readonly replaceEnd: number;
  readonly detail: string;
  readonly documentation: string;
  readonly sortText: string;
}

/** Where a code is expected next on the line. */
const EXPECTS_CODE = /(?:\bcase\s+|[!=]==?\s*|\.equals\(\s*|\bequals\([^,()]*,\s*|isEqualToString:\s*|isEqual:\s*|\bwhen\s*\([^)]*\)\s*\{\s*|,\s*|^\s*)(@?["'])?-?\d*$/u;

const DEFAULT_TABLE: Readonly<Record<SourceLanguage, [CodeTable['product'], CodeTable['platform']]>> = {
  typescript: ['onelogin-h5', 'web'],
  javascript: ['onelogin-h5', 'web'],
  arkts: ['onelogin', 'harmonyos'],
  java: ['onelogin', 'android'],
  kotlin: ['onelogin', 'android'],
  swift: ['onelogin', 'ios'],
  objc: ['onelogin', 'ios'],
};

export function completions(analysis: Analysis, text: string, offset: number, catalog: Catalog, lang: Lang): CodeCompletion[] {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const prefix = text.slice(lineStart, offset);
  const expects = EXPECTS_CODE.exec(prefix);
  const inHandler = handlerAt(analysis, offset);
  if (!expects || (!inHandler && analysis.context.sdkProducts.length === 0)) return [];

  const table = inHandler
    ? catalog.table(inHandler.handler.product, inHandler.handler.platform)
    : tableForFile(analysis, catalog);
  if (!table) return [];
  const handled = new Set(inHandler?.handler.codes ?? []);
  const insideQuotes = expects[1] !== undefined;
  const typed = /-?\d*$/u.exec(prefix)![0];
  const quoted = inHandler ? analysis.references.some((r) => r.handler === inHandler.index && r.form === 'string') : true;

  return table.rows
    .filter((row) => !handled.has(row.code))
    .map((row, i) => {
      const code = String(row.code);
      return {
        label: code,
        insertText: insideQuotes || !quoted ? code : SNIPPETS[analysis.language].string(code),
        replaceStart: offset - typed.length,
        replaceEnd: offset,
        detail: row.description[lang],
        documentation: cardMarkdown(buildCard({ product: table.product, platform: table.platform, table, row }, catalog, lang), lang),
        sortText: String(i).padStart(4, '0'),
      };
    });
}

function tableForFile(analysis: Analysis, catalog: Catalog): CodeTable | undefined {
  const [defaultProduct, defaultPlatform] = DEFAULT_TABLE[analysis.language];
  const product = analysis.context.sdkProducts[0] ?? defaultProduct;
  const platform = analysis.context.platform ?? defaultPlatform;
  return catalog.table(product, platform) ?? catalog.tables.find((t) => t.product === product);
}
