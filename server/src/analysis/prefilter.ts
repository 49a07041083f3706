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

/**
 * One pass finds both kinds of candidate: a catalog number not inside a word, a decimal or a hex
 * literal (0x103111), and SDK constant names (OnePass iOS enum names, OneLogin iOS OLErrorCode_20302).
 * Spelling the catalog's numbers out in the pattern makes the scan faster than matching every run
 * of digits and looking each up.
 */
function candidatePattern(catalog: Catalog): RegExp {
  return new RegExp(`(?<![\\w.$#])(?:${catalog.digitAlternation})(?![\\w.])|\\b(?:GOPError[A-Za-z]+|OLErrorCode_\\d{5})\\b`, 'g');
}

export interface Prefilter {
  readonly candidates: readonly TextCandidate[];
  /** Some candidate is worth reporting even without the SDK named in the file. */
  readonly hasDistinctive: boolean;
}

export function prefilter(text: string, catalog: Catalog): Prefilter {
  const candidates: TextCandidate[] = [];
  let hasDistinctive = false;
  const pattern = candidatePattern(catalog);
  for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
    const found = match[0];
    const end = match.index + found.length;
    if (!isDigit(found.charCodeAt(0))) {
      candidates.push({ start: match.index, end, text: found, kind: 'name' });
      hasDistinctive = true;
    } else {
      candidates.push({ start: match.index, end, text: found, kind: 'digits' });
      const digits = Number(found);
      hasDistinctive ||= isDistinctive(digits, catalog) || isDistinctive(-digits, catalog);
    }
  }
  return { candidates, hasDistinctive };
}

function isDistinctive(code: number, catalog: Catalog): boolean {
  return catalog.has(code) && codeTier(code) === 'distinctive';
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
