/**
 * The prefilter's candidates: what a file offers the syntax tree to look at. Fewer false places mean
 * fewer tree lookups; a missed place is a missed reference, so both directions are pinned here.
 */
import assert from 'node:assert/strict';
import { prefilter } from '../../server/src/analysis/prefilter';
import { analyzeSource, sharedEnvironment } from '../support/analysis';

async function candidates(text: string): Promise<string[]> {
  const { catalog } = await sharedEnvironment();
  return prefilter(text, catalog).candidates.map((c) => c.text);
}

describe('prefilter', () => {
  it('offers codes as numbers, quoted, signed, and SDK names', async () => {
    const text = [
      "if (code === '-20301' || code === -40101 || code === \"20202\") {}",
      'case GOPErrorSocketError: break; if (e == OLErrorCode_20302) {}',
    ].join('\n');
    assert.deepEqual(await candidates(text), ['20301', '40101', '20202', 'GOPErrorSocketError', 'OLErrorCode_20302']);
  });

  it('does not offer numbers inside words, decimals, hex literals or percentages', async () => {
    const text = "x20301 20301y 1.20301 20301.5 #20301 0x20301 $20301 .width('100%') const p = 105%7;";
    assert.deepEqual(await candidates(text), []);
  });

  it('takes constants, and comparisons, but not assigned values', async () => {
    const text = [
      "import { OneLoginHelper } from '@geetest/onelogin';",
      "const NO_SIM = '-20202';",
      'function onResult(errorCode: string): void {',
      "  let message = '-20301';",
      "  message = '-40101';",
      "  if (errorCode === NO_SIM || errorCode === '-40201') message = '-40301';",
      '}',
    ].join('\n');
    const analysis = await analyzeSource(text, 'login.ts');
    assert.deepEqual(
      analysis.references.map((r) => [r.text, r.form]),
      [
        ['NO_SIM', 'constant'],
        ["'-40201'", 'string'],
      ],
    );
  });
});
