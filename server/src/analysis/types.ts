/**
 * What the analysis finds in one source file. Plain data only (offsets, numbers, strings): syntax trees
 * are gone by the time anyone reads it, and the same value serves hover, diagnostics, fixes and the CLI.
 */
import type { Candidate } from '../catalog/catalog';
import type { Bilingual, Carrier, Platform, Product } from '../catalog/types';

/** Languages the analysis understands (the LSP ids map onto these). */
export const SOURCE_LANGUAGES = ['typescript', 'javascript', 'java', 'kotlin', 'swift', 'objc', 'arkts'] as const;
export type SourceLanguage = (typeof SOURCE_LANGUAGES)[number];

/** Half-open range of UTF-16 code unit offsets into the document text (JavaScript string indices). */
export interface TextRange {
  readonly start: number;
  readonly end: number;
}

/** How a code is written at a reference. */
export type ReferenceForm = 'number' | 'string' | 'symbol' | 'constant';

export interface CodeReference {
  readonly range: TextRange;
  readonly code: number;
  /** The source text at the range: `-20202`, `"-20301"`, `GOPErrorSocketError`, `USER_CANCEL`. */
  readonly text: string;
  readonly form: ReferenceForm;
  /** For a constant or symbol: the literal it stands for, if declared in this file. */
  readonly declaredAt: TextRange | null;
  /** Index into Analysis.handlers. */
  readonly handler: number;
  /** Every catalog row the number may mean, best first for the handler's context (empty for a near miss). */
  readonly candidates: readonly Candidate[];
}

export type HandlerKind = 'if-chain' | 'switch' | 'when' | 'map' | 'comparison';

/** One arm of a handler: the codes it tests and the code that runs for them. */
export interface Branch {
  readonly codes: readonly number[];
  /** The condition, case label(s) or map key. */
  readonly label: TextRange;
  /** The statements that run (null for a map entry's value or a bare comparison). */
  readonly body: TextRange | null;
  /** The branch reads the carrier's own code from the result's metadata. */
  readonly readsCarrierCode: boolean;
}

export interface Handler {
  readonly kind: HandlerKind;
  readonly range: TextRange;
  /** The compared expression, whitespace removed (`errorCode`, `res.code`), when there is one. */
  readonly subject: string | null;
  readonly branches: readonly Branch[];
  /** Every code the handler deals with, in source order, without repeats. */
  readonly codes: readonly number[];
  /** The else / default branch, if the handler has one. */
  readonly fallback: TextRange | null;
  readonly product: Product;
  readonly platform: Platform;
  /** How sure the analysis is that this is OneLogin / OnePass code handling. */
  readonly confidence: 'strong' | 'medium';
  /** A comparison written as the handler writes it, with `${code}` where the code goes (for fixes). */
  readonly comparisonTemplate: string | null;
}

export type RuleId = 'cascade-carriers' | 'cascade-subcodes' | 'unknown-code';
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Finding {
  readonly rule: RuleId;
  readonly severity: Severity;
  readonly range: TextRange;
  readonly message: Bilingual;
  readonly handler: number;
  readonly data: FindingData;
}

export type FindingData =
  | { readonly rule: 'cascade-carriers'; readonly missing: readonly MissingCode[] }
  | { readonly rule: 'cascade-subcodes'; readonly code: number; readonly carrier: Carrier; readonly metadataKeys: readonly string[] }
  | { readonly rule: 'unknown-code'; readonly code: number; readonly otherTables: readonly string[]; readonly suggestions: readonly number[] };

/** A cascading code a handler lacks, with what the document says to do about it. */
export interface MissingCode {
  readonly code: number;
  readonly carrier: Carrier;
  readonly description: Bilingual;
  readonly steps: Bilingual<readonly string[]>;
}

export interface FileContext {
  readonly language: SourceLanguage;
  /** Products whose SDK identifiers appear in the file (OneLoginHelper, GOPManager, imports …). */
  readonly sdkProducts: readonly Product[];
  /** The platform the file's language and identifiers suggest. */
  readonly platform: Platform | null;
  /** Signs of a look-alike (Oracle, uni-app univerify, GeTui …) that silence weak evidence. */
  readonly lookAlike: string | null;
}

export interface Analysis {
  readonly language: SourceLanguage;
  readonly context: FileContext;
  readonly references: readonly CodeReference[];
  readonly handlers: readonly Handler[];
  readonly findings: readonly Finding[];
  /** Why the file was not (fully) analysed: too large, parse timed out … */
  readonly skipped: string | null;
}
