/**
 * The file context's quick test for SDK words must let through every SDK signal: one example for each
 * alternative of each product pattern in server/src/analysis/context.ts.
 */
import assert from 'node:assert/strict';
import { detectFileContext, mentionsSdk } from '../../server/src/analysis/context';

const EXAMPLES: readonly [string, string][] = [
  ['onelogin-h5', 'OneLoginAPI.init()'],
  ['onelogin-h5', 'new GOneLogin({})'],
  ['onelogin-h5', "import x from '@geetest/onelogin-h5'"],
  ['onelogin-h5', "require('gt-onelogin')"],
  ['onepass-h5', 'OnePassAPI.verify()'],
  ['onepass-h5', 'new GOnePass({})'],
  ['onepass-h5', "import x from '@geetest/onepass_h5'"],
  ['onepass-h5', "require('gt-onepass')"],
  ['onelogin', 'OneLoginHelper.with()'],
  ['onelogin', '[GOLManager sharedInstance]'],
  ['onelogin', 'import com.geetest.onelogin.OneLoginHelper2;'],
  ['onelogin', "import { x } from '@geetest/onelogin'"],
  ['onelogin', '#import <OneLoginSDK/OneLoginSDK.h>'],
  ['onelogin', 'import OneLoginSDK'],
  ['onelogin', 'if code == OLErrorCode_20302 {}'],
  ['onelogin', 'oneLoginThemeConfig.setX()'],
  ['onelogin', '[QPOneLogin start]'],
  ['onepass', 'OnePassHelper.with()'],
  ['onepass', 'GOPManager *manager;'],
  ['onepass', 'GOPErrorSocketError'],
  ['onepass', 'import com.geetest.onepass.X;'],
  ['onepass', "import x from '@geetest/onepass'"],
  ['onepass', '#import <OnePassSDK/OnePassSDK.h>'],
  ['onepass', 'import OnePassSDK'],
  ['onepass', '#import <GTOnePassKit/GTOnePassKit.h>'],
];

describe('file context: SDK signals', () => {
  for (const [product, text] of EXAMPLES) {
    it(`${product}: ${text}`, () => {
      assert.ok(mentionsSdk(text));
      assert.ok(detectFileContext(text, 'typescript').sdkProducts.includes(product as never), detectFileContext(text, 'typescript').sdkProducts.join());
    });
  }

  it('a file with no SDK word has no SDK product', () => {
    const text = 'const total = 500; if (status === 200) { login(); }';
    assert.equal(mentionsSdk(text), false);
    assert.deepEqual(detectFileContext(text, 'typescript').sdkProducts, []);
  });
});
