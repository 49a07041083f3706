/**
 * Deciding whether a group of comparisons is OneLogin / OnePass code handling, and for which table
 * (product and platform). Evidence: SDK identifiers in the file, the language, the codes the handler
 * holds and how distinctive they are, the compared expression's name, and the user's settings.
 */
import type { Catalog } from '../catalog/catalog';
import type { CodeTable, Platform, Product } from '../catalog/types';
import { codeTier } from './code-tiers';
import type { RawHandler } from './extract';
import type { FileContext, SourceLanguage } from './types';

export interface AnalysisSettings {
  /** The user says which product the code is for (overrides inference). */
  readonly product?: Product;
  /** The user says which platform the code is for (overrides inference). */
  readonly platform?: Platform;
}

export interface Recognition {
  readonly table: CodeTable;
  readonly confidence: 'strong' | 'medium';
}

/** Platforms a file in each language can handle codes of (carrier tables fit every language). */
const PLAUSIBLE_PLATFORMS: Readonly<Record<SourceLanguage, readonly Platform[] | null>> = {
  typescript: null,
  javascript: null,
  arkts: ['harmonyos'],
  java: ['android', 'server'],
  kotlin: ['android', 'server'],
  swift: ['ios'],
  objc: ['ios'],
};

/** Names of variables that hold a result code: errorCode, errCode, code, resultCode, ret, status … */
const CODE_LIKE_SUBJECT = /(?:err(?:or)?_?code|errcode|(?:^|[._\]])code|code$|resultcode|result_code|(?:^|[._])ret$|status$)/iu;

export function recognize(
  handler: RawHandler,
  file: FileContext,
  settings: AnalysisSettings,
  catalog: Catalog,
): Recognition | null {
  const references = handler.branches.flatMap((b) => b.references);
  const codes = [...new Set(references.map((r) => r.code))];
  const table = bestTable(codes, file, settings, catalog);
  if (!table) return null;

  const inTable = codes.filter((code) => catalog.tableHas(table, code));
  const distinctive = inTable.some((code) => codeTier(code) === 'distinctive');
  const codeLikeSubject = handler.subject !== null && CODE_LIKE_SUBJECT.test(handler.subject);
  const bySymbol = references.some((r) => r.form === 'symbol');
  const quotedNegative = references.some((r) => r.quoted && r.code < 0);

  if (settings.product !== undefined || file.sdkProducts.length > 0) {
    return distinctive || codeLikeSubject || bySymbol || inTable.length >= 2 ? { table, confidence: 'strong' } : null;
  }
  if (file.lookAlike !== null) return null;
  const supported = inTable.length >= 2 || codeLikeSubject || bySymbol || quotedNegative;
  return (distinctive || bySymbol) && supported ? { table, confidence: 'medium' } : null;
}

/** The table that explains the handler's codes best, with the file's and the user's hints. */
function bestTable(codes: readonly number[], file: FileContext, settings: AnalysisSettings, catalog: Catalog): CodeTable | null {
  const plausible = PLAUSIBLE_PLATFORMS[file.language];
  // Only a table that holds one of the codes can win: count them from the codes' side.
  const matchesIn = new Map<CodeTable, number>();
  for (const code of codes) for (const table of catalog.tablesWith(code)) matchesIn.set(table, (matchesIn.get(table) ?? 0) + 1);
  let best: { table: CodeTable; score: number } | null = null;
  for (const table of catalog.tables) {
    const matches = matchesIn.get(table);
    if (matches === undefined) continue;
    if (settings.product !== undefined && table.product !== settings.product) continue;
    if (settings.platform !== undefined && table.platform !== settings.platform) continue;
    if (table.product !== 'carrier' && plausible && !plausible.includes(table.platform) && settings.platform === undefined) continue;
    const score =
      matches * 2 +
      (file.sdkProducts.includes(table.product) ? 3 : 0) +
      (file.platform === table.platform ? 2 : 0) +
      (table.product === 'carrier' ? -1 : 0);
    if (!best || score > best.score) best = { table, score };
  }
  return best?.table ?? null;
}

