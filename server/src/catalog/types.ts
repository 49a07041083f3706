/**
 * The shape of data/error-codes.json. data/error-codes.schema.json states the same contract for
 * other tools; test/unit/catalog-integrity.test.ts checks the data against it.
 */

export const PRODUCTS = ['onelogin', 'onepass', 'onelogin-h5', 'onepass-h5', 'carrier'] as const;
export type Product = (typeof PRODUCTS)[number];

export const PLATFORMS = ['server', 'android', 'ios', 'harmonyos', 'web', 'miniprogram', 'cmcc', 'cucc', 'ctcc'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const CARRIERS = ['cmcc', 'cucc', 'ctcc'] as const;
export type Carrier = (typeof CARRIERS)[number];

/** What a handler should do about a code, coarse enough to drive advice and rules. */
export const CATEGORIES = [
  'success',
  'user-cancelled',
  'network-sim',
  'developer-config',
  'account-balance',
  'token-expired',
  'transient-retry',
  'vendor-support',
  'carrier-cascade',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const LANGS = ['zh', 'en'] as const;
export type Lang = (typeof LANGS)[number];

export interface Bilingual<T = string> {
  readonly zh: T;
  readonly en: T;
}

export interface CodeRow {
  /** Stable id: "<product>/<platform>/<code>". */
  readonly id: string;
  readonly code: number;
  /** Other numbers for the same row (Telecom's new SDK numbering: -8001 is also 80001). */
  readonly aliases: readonly number[];
  /** The SDK's symbolic constant where the document gives one (GOPErrorSocketError). */
  readonly name: string | null;
  readonly description: Bilingual;
  /** "常见原因" where the document has that column or states a cause apart from the description. */
  readonly cause: Bilingual | null;
  /** Handling steps in the document's order; at least one. */
  readonly steps: Bilingual<readonly string[]>;
  readonly category: Category;
  /** For a cascading code: the carrier table that holds the real reason. */
  readonly cascadesTo: Carrier | null;
  /** The document says to handle this code like another one in the same table (80102 → 80001). */
  readonly sameHandlingAs: number | null;
  /** Corrections and remarks about the document's text. */
  readonly notes: readonly Bilingual[];
  /** 1-based line of the vendor document where the row starts. */
  readonly sourceLine: number;
}

export interface CodeTable {
  readonly product: Product;
  readonly platform: Platform;
  readonly title: Bilingual;
  readonly rows: readonly CodeRow[];
}

export interface CatalogFile {
  readonly $schema?: string;
  readonly version: number;
  readonly source: { readonly document: string; readonly sha256: string };
  readonly tables: readonly CodeTable[];
}
