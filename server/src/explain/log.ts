/**
 * Finds the SDK code and the carrier's own code in a pasted log line or result object, whatever its
 * syntax: JSON (`{"errorCode":"-40201","metadata":{"code":"1001"}}`), Java's Map.toString
 * (`{errorCode=-40101, metadata={resultCode=103111}}`), iOS dictionary dumps (`errorCode = "-40301";`)
 * or plain `key=value` text. It reads key/value pairs in order rather than parsing one syntax, so a
 * truncated or mixed line still gives what it holds.
 */
import { CARRIER_INFO } from '../catalog/carriers';
import { CARRIERS, type Carrier } from '../catalog/types';

export interface LogValue {
  readonly key: string;
  readonly code: number;
  /** Offset of the value in the text. */
  readonly offset: number;
}

export interface LogCodes {
  readonly sdk: LogValue | null;
  /** The carrier's code from the metadata (or a carrier-specific key), if any. */
  readonly carrier: LogValue | null;
  /** The carrier named by the log itself (operator / operatorType), if any. */
  readonly operator: Carrier | null;
}

/** Keys that carry the SDK's own code, most specific first. */
const SDK_KEYS = ['errorcode', 'error_code', 'errcode', 'err_code', 'code'];
/** Keys that only ever hold a carrier's code. */
const CARRIER_ONLY_KEYS = ['resultcode', 'result_code', 'operator_error_code', 'operatorerrorcode'];
/** Keys that hold the carrier's code when they sit in the metadata (Unicom `code`, Telecom `result`). */
const GENERIC_CARRIER_KEYS = ['code', 'result', 'errorcode'];
/** Keys under which the carrier's raw answer is nested. */
const METADATA_KEYS = ['metadata', 'meta', 'error_data', 'operator_data'];

const KEY_VALUE = /["']?([A-Za-z_][\w.]*)["']?\s*(?:=>|[:=])\s*(?:["'{[]\s*)?(-?\d{1,9})(?![\d.])/gu;
const OPERATOR = /["']?(?:operator|operatortype|operator_type|carrier)["']?\s*[:=]\s*["']?(\w+)/iu;

export function findLogCodes(text: string): LogCodes {
  const pairs = [...text.matchAll(KEY_VALUE)].map((m) => ({
    key: m[1]!,
    lower: m[1]!.toLowerCase().split('.').pop()!,
    code: Number(m[2]),
    offset: m.index + m[0].length - m[2]!.length,
  }));
  const metadataAt = firstIndexOfKey(text, METADATA_KEYS);
  const insideMetadata = (offset: number) => metadataAt >= 0 && offset > metadataAt;

  let sdk: (typeof pairs)[number] | undefined;
  for (const key of SDK_KEYS) {
    sdk = pairs.find((p) => p.lower === key && !insideMetadata(p.offset));
    if (sdk) break;
  }
  // A carrier-only key anywhere, else a generic key inside the metadata, else a generic key beside
  // the SDK's own code ("errorCode=-40302 result=80004").
  const others = pairs.filter((p) => p !== sdk);
  const carrier =
    others.find((p) => CARRIER_ONLY_KEYS.includes(p.lower)) ??
    others.find((p) => insideMetadata(p.offset) && GENERIC_CARRIER_KEYS.includes(p.lower)) ??
    (sdk ? others.find((p) => GENERIC_CARRIER_KEYS.includes(p.lower)) : undefined);

  return {
    sdk: sdk ? { key: sdk.key, code: sdk.code, offset: sdk.offset } : null,
    carrier: carrier ? { key: carrier.key, code: carrier.code, offset: carrier.offset } : null,
    operator: parseOperator(text),
  };
}

function firstIndexOfKey(text: string, keys: readonly string[]): number {
  const match = new RegExp(`["']?(?:${keys.join('|')})["']?\\s*[:=]`, 'iu').exec(text);
  return match ? match.index : -1;
}

/** OneLogin reports the carrier as "CM"/"CU"/"CT" (also "1"/"2"/"3" on some platforms). */
const OPERATOR_NAMES: Readonly<Record<string, Carrier>> = {
  cm: 'cmcc', cmcc: 'cmcc', mobile: 'cmcc', '1': 'cmcc',
  cu: 'cucc', cucc: 'cucc', unicom: 'cucc', '2': 'cucc',
  ct: 'ctcc', ctcc: 'ctcc', telecom: 'ctcc', '3': 'ctcc',
};

function parseOperator(text: string): Carrier | null {
  const value = OPERATOR.exec(text)?.[1]?.toLowerCase();
  return value ? (OPERATOR_NAMES[value] ?? null) : null;
}

/** The metadata keys to mention when a cascading code arrived without its carrier code. */
export function carrierKeysHint(carrier: Carrier | null): string {
  const keys = carrier ? CARRIER_INFO[carrier].metadataKeys : CARRIERS.flatMap((c) => CARRIER_INFO[c].metadataKeys);
  return [...new Set(keys)].join(' / ');
}
