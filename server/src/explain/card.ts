/**
 * A code's card: everything the CLI, the hover and the explain command show about one catalog row,
 * in one language. Renderers only lay it out (terminal text, Markdown), so all of them say the same.
 */
import type { Catalog, CatalogEntry } from '../catalog/catalog';
import { CARRIER_INFO } from '../catalog/carriers';
import { CARRIER_LABELS, CATEGORY_LABELS, PLATFORM_LABELS, PRODUCT_LABELS } from '../catalog/labels';
import type { Carrier, Category, Lang } from '../catalog/types';

export interface CardLine {
  readonly code: number;
  readonly text: string;
}

export interface Card {
  readonly code: number;
  readonly aliases: readonly number[];
  readonly name: string | null;
  readonly product: string;
  readonly platform: string;
  readonly tableTitle: string;
  readonly description: string;
  readonly cause: string | null;
  readonly steps: readonly string[];
  readonly category: Category;
  readonly categoryLabel: string;
  readonly cascade: {
    readonly carrier: Carrier;
    readonly carrierLabel: string;
    readonly metadataKeys: readonly string[];
    readonly typicalCodes: readonly CardLine[];
  } | null;
  readonly sameHandlingAs: CardLine | null;
  readonly notes: readonly string[];
}

export function buildCard(entry: CatalogEntry, catalog: Catalog, lang: Lang): Card {
  const { row } = entry;
  const cascade = row.cascadesTo;
  return {
    code: row.code,
    aliases: row.aliases,
    name: row.name,
    product: PRODUCT_LABELS[entry.product][lang],
    platform: PLATFORM_LABELS[entry.platform][lang],
    tableTitle: entry.table.title[lang],
    description: row.description[lang],
    cause: row.cause?.[lang] ?? null,
    steps: row.steps[lang],
    category: row.category,
    categoryLabel: CATEGORY_LABELS[row.category][lang],
    cascade: cascade
      ? {
          carrier: cascade,
          carrierLabel: CARRIER_LABELS[cascade][lang],
          metadataKeys: CARRIER_INFO[cascade].metadataKeys,
          typicalCodes: CARRIER_INFO[cascade].typicalCodes.flatMap((code) =>
            describeInTable(catalog, code, 'carrier', cascade, lang),
          ),
        }
      : null,
    sameHandlingAs:
      row.sameHandlingAs === null
        ? null
        : (describeInTable(catalog, row.sameHandlingAs, entry.product, entry.platform, lang)[0] ?? null),
    notes: row.notes.map((note) => note[lang]),
  };
}

function describeInTable(
  catalog: Catalog,
  code: number,
  product: CatalogEntry['product'],
  platform: CatalogEntry['platform'],
  lang: Lang,
): CardLine[] {
  const match = catalog
    .lookup(code, { product, platform })
    .find((c) => c.entry.product === product && c.entry.platform === platform);
  return match ? [{ code: match.entry.row.code, text: match.entry.row.description[lang] }] : [];
}
