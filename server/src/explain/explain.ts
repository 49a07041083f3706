/**
 * What the `explain` command (CLI and editor) answers: the meanings of a code, best first for the
 * context given, or the SDK and carrier codes found in a log line. Pure data; renderers lay it out.
 */
import type { Candidate, Catalog, LookupContext } from '../catalog/catalog';
import type { Carrier } from '../catalog/types';
import { findLogCodes, type LogCodes, type LogValue } from './log';

export interface CodeExplanation {
  readonly code: number;
  readonly context: LookupContext;
  /** Every row the number belongs to, best first. */
  readonly candidates: readonly Candidate[];
  /** The context named a product or platform and no candidate is in it. */
  readonly outsideContext: boolean;
  /** Catalog numbers one slip away, for an unknown code. */
  readonly nearMisses: readonly number[];
}

export interface LogExplanation {
  readonly found: LogCodes;
  readonly sdk: CodeExplanation | null;
  readonly carrier: CodeExplanation | null;
  /** The carrier whose table the SDK code defers to (or that the log names). */
  readonly carrierTable: Carrier | null;
  /** The SDK code cascades, but the log holds no carrier code to look up. */
  readonly carrierCodeMissing: boolean;
}

/**
 * The code a query names: a number as typed ("-20202", "+80001") or an SDK constant
 * (GOPErrorSocketError); undefined for anything else.
 */
export function codeOfQuery(catalog: Catalog, query: string): number | undefined {
  const trimmed = query.trim();
  if (/^[-+]?\d{1,9}$/u.test(trimmed)) return Number(trimmed);
  return catalog.lookupName(trimmed)[0]?.row.code;
}

export function explainCode(catalog: Catalog, code: number, context: LookupContext = {}): CodeExplanation {
  const candidates = catalog.lookup(code, context);
  const inContext = candidates.filter(
    (c) =>
      (context.product === undefined || c.entry.product === context.product) &&
      (context.platform === undefined || c.entry.platform === context.platform),
  );
  return {
    code,
    context,
    candidates,
    outsideContext: candidates.length > 0 && inContext.length === 0,
    nearMisses: candidates.length === 0 ? catalog.nearMisses(code) : [],
  };
}

export function explainLog(catalog: Catalog, text: string, context: LookupContext = {}): LogExplanation {
  const found = findLogCodes(text);
  const sdk = found.sdk ? explainCode(catalog, found.sdk.code, context) : null;
  const cascadesTo = sdk?.candidates.find((c) => c.entry.row.cascadesTo !== null)?.entry.row.cascadesTo ?? null;
  const carrierTable = cascadesTo ?? found.operator;
  return {
    found,
    sdk,
    carrier: found.carrier ? explainCarrierCode(catalog, found.carrier, carrierTable) : null,
    carrierTable,
    carrierCodeMissing: cascadesTo !== null && found.carrier === null,
  };
}

/** Carrier codes live only in the carrier tables; the one the SDK code points to ranks first. */
function explainCarrierCode(catalog: Catalog, value: LogValue, carrier: Carrier | null): CodeExplanation {
  const context: LookupContext = carrier ? { product: 'carrier', platform: carrier } : { product: 'carrier' };
  const explanation = explainCode(catalog, value.code, context);
  const candidates = explanation.candidates.filter((c) => c.entry.product === 'carrier');
  return { ...explanation, candidates, nearMisses: candidates.length === 0 ? catalog.nearMisses(value.code) : [] };
}
