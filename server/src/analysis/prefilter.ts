/**
 * The cheap first look at a file: where catalog numbers and SDK constant names appear in the raw text.
 * Files with nothing to look at (most files) are never parsed. The regexes only find places; the
 * syntax tree decides what each place is.
 */
import type { Catalog } from '../catalog/catalog';
import { codeTier } from './code-tiers';
import type { ChangedSpan } from './parsing/edit';

export interface TextCandidate {
  readonly start: number;
  readonly end: number;
  /** Digits as written (no sign), or an identifier. */
  readonly text: string;
  readonly kind: 'digits' | 'name';
}

/** What the prefilter derives from a catalog, once per catalog (building it costs more than a scan). */
interface CatalogTables {
  /**
   * One pass finds both kinds of candidate: a catalog number not inside a word, a decimal, a hex
   * literal (0x103111) or a percentage ('100%', all over ArkTS UI code), and SDK constant names (OnePass
   * iOS enum names, OneLogin iOS OLErrorCode_20302).
   * Spelling the catalog's numbers out in the pattern makes the scan faster than matching every run
   * of digits and looking each up.
   */
  readonly pattern: RegExp;
  /** The digit strings ("20202") that are a distinctive code with either sign. */
  readonly distinctive: ReadonlySet<string>;
}

const TABLES = new WeakMap<Catalog, CatalogTables>();

function tablesOf(catalog: Catalog): CatalogTables {
  let tables = TABLES.get(catalog);
  if (!tables) {
    const isDistinctiveCode = (code: number) => catalog.has(code) && codeTier(code) === 'distinctive';
    tables = {
      pattern: new RegExp(`(?<![\\w.$#])(?:${catalog.digitAlternation})(?![\\w.%])|\\b(?:GOPError[A-Za-z]+|OLErrorCode_\\d{5})\\b`, 'g'),
      distinctive: new Set([...catalog.digitStrings].filter((d) => isDistinctiveCode(Number(d)) || isDistinctiveCode(-Number(d)))),
    };
    TABLES.set(catalog, tables);
  }
  return tables;
}

export interface Prefilter {
  readonly candidates: readonly TextCandidate[];
  /** Some candidate is worth reporting even without the SDK named in the file. */
  readonly hasDistinctive: boolean;
}

export function prefilter(text: string, catalog: Catalog): Prefilter {
  const candidates = scan(text, 0, text.length, catalog);
  return { candidates, hasDistinctive: candidates.some((c) => isDistinctive(c, catalog)) };
}

/**
 * The candidates of `text` from those of the version before the change: only the lines the change
 * touched are scanned again (a candidate never spans a line break); the rest are kept, or moved.
 */
export function prefilterAfterEdit(previous: Prefilter, change: ChangedSpan, text: string, catalog: Catalog): Prefilter {
  const from = text.lastIndexOf('\n', change.start - 1) + 1;
  const lineEnd = text.indexOf('\n', change.newEnd);
  const to = lineEnd === -1 ? text.length : lineEnd;
  const delta = change.newEnd - change.oldEnd;
  const before = previous.candidates.filter((c) => c.start < from);
  const after = previous.candidates.filter((c) => c.start >= to - delta).map((c) => ({ start: c.start + delta, end: c.end + delta, text: c.text, kind: c.kind }));
  const rescanned = scan(text, from, to, catalog);
  const candidates = [...before, ...rescanned, ...after];
  const hasDistinctive = rescanned.some((c) => isDistinctive(c, catalog)) || (previous.hasDistinctive && [...before, ...after].some((c) => isDistinctive(c, catalog)));
  return { candidates, hasDistinctive };
}

/** The candidates that start in [from, to). */
function scan(text: string, from: number, to: number, catalog: Catalog): TextCandidate[] {
  const candidates: TextCandidate[] = [];
  const { pattern } = tablesOf(catalog);
  pattern.lastIndex = from;
  for (let match = pattern.exec(text); match && match.index < to; match = pattern.exec(text)) {
    const found = match[0];
    const kind = isDigit(found.charCodeAt(0)) ? 'digits' : 'name';
    candidates.push({ start: match.index, end: match.index + found.length, text: found, kind });
  }
  return candidates;
}

/** A name, or a number that is a distinctive catalog code with either sign. */
function isDistinctive(candidate: TextCandidate, catalog: Catalog): boolean {
  return candidate.kind === 'name' || tablesOf(catalog).distinctive.has(candidate.text);
}

function isDigit(charCode: number): boolean {
  return charCode >= 48 && charCode <= 57;
}

/** The code an SDK constant name stands for: from the catalog, or from OLErrorCode_<digits>. */
export function codeOfSdkName(name: string, catalog: Catalog): number | null {
  const row = catalog.lookupName(name)[0]?.row;
  if (row) return row.code;
  const digits = /^OLErrorCode_(\d{5})$/u.exec(name)?.[1];
  return digits ? -Number(digits) : null;
}
