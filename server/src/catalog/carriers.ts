/**
 * What the SDKs do with a carrier's own code: the key it travels under in the result's metadata, and
 * the carrier codes a card lists first when a cascading SDK code points at that carrier's table.
 */
import type { Carrier } from './types';

export interface CarrierInfo {
  /** Keys of the result's metadata that hold the carrier's code, most usual first. */
  readonly metadataKeys: readonly string[];
  /** Codes shown first under a cascading code: the everyday causes in the carrier's table. */
  readonly typicalCodes: readonly number[];
}

export const CARRIER_INFO: Readonly<Record<Carrier, CarrierInfo>> = {
  cmcc: { metadataKeys: ['resultCode'], typicalCodes: [103111, 102507, 200072, 105002, 103102] },
  cucc: { metadataKeys: ['code', 'resultCode'], typicalCodes: [1001, 3005, 102001, 3009, 1102] },
  ctcc: { metadataKeys: ['result'], typicalCodes: [-8100, -10006, -8001, -8003, 30002] },
};
