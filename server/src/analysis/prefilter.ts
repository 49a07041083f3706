/**
 * The cheap first look at a file: where catalog numbers and SDK constant names appear in the raw text.
 * Files with nothing to look at (most files) are never parsed. The regexes only find places; the
 * syntax tree decides what each place is.
 */
import type { Catalog } from '../catalog/catalog';
import { codeTier } from './code-tiers';

export interface TextCandidate {
  readonly start: number;
  readonly end: number;
  /** Digits as written (no sign), or an identifier. */
  readonly text: string;
  readonly kind: 'digits' | 'name';
}

/** A run of 2–6 digits not inside a word, a decimal or a hex literal (0x103111). */
const DIGITS = /(?<![\w.$#])\d{2,6}(?![\w.])/gu;
/** SDK constants: OnePass iOS enum names and the OneLogin iOS NSString constants (OLErrorCode_20302). */
const SDK_NAMES = /\b(?:GOPError[A-Za-z]+|OLErrorCode_\d{5})\b/gu;

export interface Prefilter {
  readonly candidates: readonly TextCandidate[];
  /** Some candidate is worth reporting even without the SDK named in the file. */
  readonly hasDistinctive: boolean;
}

export function prefilter(text: string, catalog: Catalog): Prefilter {
  const candidates: TextCandidate[] = [];
  let hasDistinctive = false;
  for (const match of text.matchAll(DIGITS)) {
    const digits = Number(match[0]);
    const known = catalog.has(digits) ? digits : catalog.has(-digits) ? -digits : null;
    if (known === null) continue;
    candidates.push({ start: match.index, end: match.index + match[0].length, text: match[0], kind: 'digits' });
    if (!hasDistinctive && (codeTier(known) === 'distinctive' || (catalog.has(-digits) && codeTier(-digits) === 'distinctive'))) {
      hasDistinctive = true;
    }
  }
  for (const match of text.matchAll(SDK_NAMES)) {
    candidates.push({ start: match.index, end: match.index + match[0].length, text: match[0], kind: 'name' });
    hasDistinctive = true;
  }
  candidates.sort((a, b) => a.start - b.start);
  return { candidates, hasDistinctive };
}

/** The code an SDK constant name stands for: from the catalog, or from OLErrorCode_<digits>. */
export function codeOfSdkName(name: string, catalog: Catalog): number | null {
  const row = catalog.lookupName(name)[0]?.row;
  if (row) return row.code;
  const digits = /^OLErrorCode_(\d{5})$/u.exec(name)?.[1];
  return digits ? -Number(digits) : null;
}
