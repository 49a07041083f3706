/**
 * How much a number on its own says "this is a OneLogin / OnePass code". Distinctive numbers (-20202,
 * -40101, 12108) are rarely anything else; common ones (200, 500, 100–109, 303, 1001, 6-digit carrier
 * codes that look like postcodes or ids, 30001 that Twilio and WeChat use too) need the file to name
 * the SDK before they are reported.
 */

const DISTINCTIVE: readonly ((code: number) => boolean)[] = [
  (c) => c <= -20100 && c >= -50101, // app SDK codes, -20100 … -50101
  (c) => (c >= 12000 && c <= 12200) || c === 11300, // OneLogin server codes
  (c) => c >= 21002 && c <= 23002, // H5 server codes
  (c) => c >= 10012 && c <= 10073, // H5 web codes (10010 is left out: a common clientType value)
];

export type CodeTier = 'distinctive' | 'common';

export function codeTier(code: number): CodeTier {
  return DISTINCTIVE.some((isIn) => isIn(code)) ? 'distinctive' : 'common';
}
