/**
 * The row format of `onelogin-codes catalog --json` and `explain --json`: a public interface that other
 * tools read, so fields are only ever added, never renamed or removed.
 */
import type { CatalogEntry } from './catalog';
import type { Bilingual, Carrier, Category, Platform, Product } from './types';

export interface PublicRow {
  readonly id: string;
  readonly product: Product;
  readonly platform: Platform;
  readonly code: number;
  readonly aliases: readonly number[];
  readonly name: string | null;
  readonly description: Bilingual;
  readonly cause: Bilingual | null;
  readonly steps: Bilingual<readonly string[]>;
  readonly category: Category;
  readonly cascadesTo: Carrier | null;
  readonly sameHandlingAs: number | null;
  readonly notes: readonly Bilingual[];
  readonly sourceLine: number;
}

export function toPublicRow({ product, platform, row }: CatalogEntry): PublicRow {
  return {
    id: row.id,
    product,
    platform,
    code: row.code,
    aliases: row.aliases,
    name: row.name,
    description: row.description,
    cause: row.cause,
    steps: row.steps,
    category: row.category,
    cascadesTo: row.cascadesTo,
    sameHandlingAs: row.sameHandlingAs,
    notes: row.notes,
    sourceLine: row.sourceLine,
  };
}
