/**
 * The error-code catalog in memory: every row of data/error-codes.json, indexed for lookups by number,
 * by symbolic name and by table. A number can mean different things in different tables (-20301 is
 * "user pressed back" in OneLogin Android and "invalid phone number" in OnePass iOS), so lookups return
 * ranked candidates and never pick one silently.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { byCodeUnit } from '../util/compare';
import { packageRoot } from '../util/package-root';
import type { Carrier, CatalogFile, CodeRow, CodeTable, Platform, Product } from './types';
import { validateCatalog } from './validate';

/** A row together with the table it belongs to. */
export interface CatalogEntry {
  readonly product: Product;
  readonly platform: Platform;
  readonly table: CodeTable;
  readonly row: CodeRow;
}

/** What is known about where a code was seen; every field narrows or re-ranks the candidates. */
export interface LookupContext {
  readonly product?: Product;
  readonly platform?: Platform;
}

export interface Candidate {
  readonly entry: CatalogEntry;
  /** Higher is better: 2 for a matching product, 1 for a matching platform. */
  readonly score: number;
  /** The number matched one of the row's aliases rather than its main code. */
  readonly viaAlias: boolean;
}

export class Catalog {
  readonly tables: readonly CodeTable[];
  readonly entries: readonly CatalogEntry[];
  /** Every code and alias without its sign, as written in source ("20202"): the prefilter's quick test. */
  readonly digitStrings: ReadonlySet<string>;
  /** The same numbers as a regular-expression alternation, longest first ("302003|…|65"). */
  readonly digitAlternation: string;
  private readonly byNumber = new Map<number, CatalogEntry[]>();
  private readonly byName = new Map<string, CatalogEntry[]>();
  private readonly byTable = new Map<string, CodeTable>();
  /** Every number (codes and aliases) of each table. */
  private readonly tableNumbers = new Map<CodeTable, ReadonlySet<number>>();
  /** The tables that hold each number, in table order. */
  private readonly tablesByNumber = new Map<number, readonly CodeTable[]>();
  /** Each table's rows by code, and its cascading rows (asked for every handler). */
  private readonly rowsByCode = new Map<CodeTable, ReadonlyMap<number, CodeRow>>();
  private readonly cascading = new Map<CodeTable, readonly CodeRow[]>();
  /** nearMisses() answers by code: rules ask the same question for every reference of a handler. */
  private readonly nearMissCache = new Map<number, readonly number[]>();

  constructor(file: CatalogFile) {
    this.tables = file.tables;
    this.entries = file.tables.flatMap((table) =>
      table.rows.map((row) => ({ product: table.product, platform: table.platform, table, row })),
    );
    for (const entry of this.entries) {
      for (const n of [entry.row.code, ...entry.row.aliases]) push(this.byNumber, n, entry);
      if (entry.row.name) push(this.byName, entry.row.name, entry);
    }
    for (const table of file.tables) {
      this.byTable.set(tableKey(table.product, table.platform), table);
      this.tableNumbers.set(table, new Set(table.rows.flatMap((row) => [row.code, ...row.aliases])));
      this.rowsByCode.set(table, new Map([...table.rows].reverse().map((row) => [row.code, row])));
      this.cascading.set(table, table.rows.filter((row) => row.cascadesTo !== null));
    }
    for (const [n, entries] of this.byNumber) this.tablesByNumber.set(n, [...new Set(entries.map((e) => e.table))]);
    this.digitStrings = new Set([...this.byNumber.keys()].map((n) => String(Math.abs(n))));
    // Longest first, so that the alternation prefers whole codes.
    this.digitAlternation = [...this.digitStrings].sort((a, b) => b.length - a.length || byCodeUnit(a, b)).join('|');
  }

  /** Every meaning of a number, best first for the given context. */
  lookup(code: number, context: LookupContext = {}): Candidate[] {
    const entries = this.byNumber.get(code) ?? [];
    return entries
      .map((entry, order) => ({
        entry,
        score: (entry.product === context.product ? 2 : 0) + (entry.platform === context.platform ? 1 : 0),
        viaAlias: entry.row.code !== code,
        order,
      }))
      .sort((a, b) => b.score - a.score || a.order - b.order)
      .map(({ entry, score, viaAlias }) => ({ entry, score, viaAlias }));
  }

  /** Rows carrying an SDK symbolic name such as GOPErrorSocketError. */
  lookupName(name: string): readonly CatalogEntry[] {
    return this.byName.get(name) ?? [];
  }

  has(code: number): boolean {
    return this.byNumber.has(code);
  }

  /** The tables that hold `code` as a code or an alias, in table order. */
  tablesWith(code: number): readonly CodeTable[] {
    return this.tablesByNumber.get(code) ?? [];
  }

  /** The table's row whose main code is `code` (the first, if the document lists it twice). */
  rowOf(table: CodeTable, code: number): CodeRow | undefined {
    return this.rowsByCode.get(table)?.get(code) ?? table.rows.find((row) => row.code === code);
  }

  /** The table's rows whose code defers to a carrier's own code (-40101 …), in table order. */
  cascadingRows(table: CodeTable): readonly CodeRow[] {
    return this.cascading.get(table) ?? table.rows.filter((row) => row.cascadesTo !== null);
  }

  /** Whether `code` is one of the table's codes or aliases. */
  tableHas(table: CodeTable, code: number): boolean {
    return this.tableNumbers.get(table)?.has(code) ?? table.rows.some((row) => row.code === code || row.aliases.includes(code));
  }

  table(product: Product, platform: Platform): CodeTable | undefined {
    return this.byTable.get(tableKey(product, platform));
  }

  carrierTable(carrier: Carrier): CodeTable | undefined {
    return this.table('carrier', carrier);
  }

  /** Known numbers one typing slip away from `code`: a digit or the sign changed, added, dropped or swapped. */
  nearMisses(code: number, limit = 5): number[] {
    let all = this.nearMissCache.get(code);
    if (!all) {
      const target = String(code);
      all = [...this.byNumber.keys()]
        .filter((n) => n !== code && editDistance(target, String(n)) === 1)
        .sort((a, b) => Math.abs(a - code) - Math.abs(b - code) || a - b);
      this.nearMissCache.set(code, all);
    }
    return all.slice(0, limit);
  }
}

/** Reads and validates a catalog file; throws CatalogError with every problem if it is not valid. */
export function loadCatalogFile(file: string): Catalog {
  return new Catalog(validateCatalog(readCatalogJson(file), file));
}

/**
 * The catalog shipped in this package, read without the schema check: it is generated by
 * `npm run catalog:build`, which validates it, and the integrity tests check the committed file,
 * so start-up does not pay for compiling the schema. User catalogs go through loadCatalogFile.
 */
export function loadBundledCatalog(): Catalog {
  return new Catalog(readCatalogJson(bundledCatalogPath()) as CatalogFile);
}

function readCatalogJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the error-code catalog ${file}: ${(error as Error).message}`);
  }
}

/** data/error-codes.json of this package, found from wherever the code runs (dist/ or server/src/). */
export function bundledCatalogPath(): string {
  return path.join(packageRoot(), 'data', 'error-codes.json');
}

function tableKey(product: Product, platform: Platform): string {
  return `${product}/${platform}`;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Damerau–Levenshtein distance with adjacent transpositions: enough for short digit strings. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 1) return 2;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}
