/** A lens above each handler: how many of its table's codes it handles, and which carriers it misses. */
import type { Analysis, TextRange } from '../analysis/types';
import type { Catalog } from '../catalog/catalog';
import { CARRIER_SHORT_LABELS, tableLabel } from '../catalog/labels';
import type { Carrier, Lang } from '../catalog/types';
import { t } from '../i18n/messages';

export interface Lens {
  readonly range: TextRange;
  readonly title: string;
}

export function codeLenses(analysis: Analysis, catalog: Catalog, lang: Lang): Lens[] {
  return analysis.handlers.flatMap((handler) => {
    if (handler.kind === 'comparison') return [];
    const table = catalog.table(handler.product, handler.platform);
    if (!table) return [];
    const handled = table.rows.filter((row) => [row.code, ...row.aliases].some((c) => handler.codes.includes(c))).length;
    const tableName = tableLabel(handler.product, handler.platform, lang, ' ');
    let title = t(lang, 'lensHandled', handled, table.rows.length, tableName);
    const cascading = catalog.cascadingRows(table);
    const handledCascading = cascading.filter((row) => handler.codes.includes(row.code));
    if (handledCascading.length > 0 && handledCascading.length < cascading.length) {
      const missing = [...new Set(cascading.filter((row) => !handler.codes.includes(row.code)).map((row) => row.cascadesTo as Carrier))];
      title += ` · ${t(lang, 'lensMissingCarriers', missing.map((c) => CARRIER_SHORT_LABELS[c][lang]).join(lang === 'zh' ? '、' : ', '))}`;
    }
    return [{ range: { start: handler.range.start, end: handler.range.start }, title }];
  });
}
