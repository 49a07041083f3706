/**
 * How much a number on its own says "this is a OneLogin / OnePass code". Distinctive numbers (-20202,
 * -40101, 12108) are rarely anything else; common ones (200, 500, 100–109, 303, 1001, 6-digit carrier
 * codes that look like postcodes or ids, 30001 that Twilio and WeChat use too) need the file to name
 * the SDK before they are reported.
 */

interface TierRule {
  readonly test: (code: number) => boolean;
  readonly why: string;
}

const DISTINCTIVE: readonly TierRule[] = [
  { test: (c) => c <= -20100 && c >= -50101, why: 'app SDK codes, -20100 … -50101' },
  { test: (c) => (c >= 12000 && c <= 12200) || c === 11300, why: 'OneLogin server codes' },
  { test: (c) => c >= 21002 && c <= 23002, why: 'H5 server codes' },
  { test: (c) => c >= 10012 && c <= 10073, why: 'H5 web codes (10010 is a common clientType value)' },
];

export type CodeTier = 'distinctive' | 'common';

export function codeTier(code: number): CodeTier {
  return DISTINCTIVE.some((rule) => rule.test(code)) ? 'distinctive' : 'common';
}
