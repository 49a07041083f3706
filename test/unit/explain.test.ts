import assert from 'node:assert/strict';
import { loadCatalogFile } from '../../server/src/catalog/catalog';
import { explainCode, explainLog } from '../../server/src/explain/explain';
import { findLogCodes } from '../../server/src/explain/log';
import { PLAIN, renderCodeExplanation } from '../../server/src/explain/render-text';
import { CATALOG_FILE } from '../support/paths';

const catalog = loadCatalogFile(CATALOG_FILE);

describe('lookup', () => {
  it('ranks the meanings of -20301 by product and platform', () => {
    const onepassIos = catalog.lookup(-20301, { product: 'onepass', platform: 'ios' });
    assert.equal(onepassIos[0]?.entry.row.id, 'onepass/ios/-20301');
    assert.equal(onepassIos[0]?.entry.row.name, 'GOPErrorInvalidPhoneNumber');
    const oneloginAndroid = catalog.lookup(-20301, { product: 'onelogin', platform: 'android' });
    assert.equal(oneloginAndroid[0]?.entry.row.id, 'onelogin/android/-20301');
    assert.deepEqual(
      oneloginAndroid.map((c) => c.entry.row.id).sort(),
      ['onelogin/android/-20301', 'onelogin/harmonyos/-20301', 'onepass/ios/-20301'],
    );
  });

  it('keeps document order among equally good candidates', () => {
    assert.deepEqual(
      catalog.lookup(200).map((c) => c.entry.row.id),
      ['onelogin/server/200', 'onepass/server/200', 'onelogin-h5/server/200', 'onepass-h5/server/200'],
    );
  });

  it('suggests near misses for an unknown code', () => {
    assert.deepEqual(catalog.lookup(-20209), []);
    assert.ok(catalog.nearMisses(-20209).includes(-20208));
    assert.ok(catalog.nearMisses(20202).includes(-20202), 'a dropped minus sign');
    assert.ok(catalog.nearMisses(-40120).includes(-40102), 'swapped digits');
  });

  it('flags a code that exists only outside the given context', () => {
    const result = explainCode(catalog, -20402, { product: 'onelogin', platform: 'android' });
    assert.equal(result.outsideContext, true);
    assert.equal(result.candidates[0]?.entry.row.id, 'onelogin/ios/-20402');
  });
});

describe('log parsing', () => {
  it('reads the SDK code and the Unicom code from a result JSON', () => {
    const found = findLogCodes('{"status":500,"errorCode":"-40201","process_id":"9f8e","metadata":{"msg":"x","code":"1001"}}');
    assert.equal(found.sdk?.code, -40201);
    assert.equal(found.sdk?.key, 'errorCode');
    assert.equal(found.carrier?.code, 1001);
    assert.equal(found.carrier?.key, 'code');
  });

  it('reads key=value text', () => {
    const found = findLogCodes('2026-11-26 10:00:01 E/OneLogin: errorCode=-40101 resultCode=103111 msg=fail');
    assert.deepEqual([found.sdk?.code, found.carrier?.code], [-40101, 103111]);
  });

  it("reads Java's Map.toString and iOS dictionary dumps", () => {
    const java = findLogCodes('{status=500, errorCode=-40301, metadata={result=-8100, msg=IO}}');
    assert.deepEqual([java.sdk?.code, java.carrier?.code], [-40301, -8100]);
    const ios = findLogCodes('{\n    errorCode = "-40102";\n    metadata = {\n        resultCode = 102507;\n    };\n    status = 500;\n}');
    assert.deepEqual([ios.sdk?.code, ios.carrier?.code], [-40102, 102507]);
  });

  it('reads an H5 callback object with a plain code', () => {
    const found = findLogCodes("onTokenFail { code: 10010, msg: 'pre_get_token error' }");
    assert.equal(found.sdk?.code, 10010);
    assert.equal(found.carrier, null);
  });

  it('reads the operator the log names', () => {
    assert.equal(findLogCodes('{"errorCode":"-40101","operator":"CM"}').operator, 'cmcc');
  });

  it('finds nothing in text without codes', () => {
    const found = findLogCodes('login failed, please retry');
    assert.equal(found.sdk, null);
    assert.equal(found.carrier, null);
  });
});

describe('explainLog', () => {
  it('looks the carrier code up in the table the SDK code cascades to', () => {
    const result = explainLog(catalog, '{"errorCode":"-40201","metadata":{"code":"1001"}}');
    assert.equal(result.carrierTable, 'cucc');
    assert.equal(result.carrier?.candidates[0]?.entry.row.id, 'carrier/cucc/1001');
    assert.ok(result.carrier?.candidates.every((c) => c.entry.product === 'carrier'));
  });

  it('resolves a Telecom code given in its new numbering', () => {
    const result = explainLog(catalog, 'errorCode=-40302 result=80004');
    assert.equal(result.carrier?.candidates[0]?.entry.row.id, 'carrier/ctcc/-8100');
  });

  it('says when a cascading code arrived without its carrier code', () => {
    const result = explainLog(catalog, 'errorCode=-40101');
    assert.equal(result.carrierCodeMissing, true);
    assert.equal(result.carrierTable, 'cmcc');
  });
});

describe('explain: every row of the catalog', () => {
  it('answers for every row in both languages, with its description and steps', () => {
    for (const entry of catalog.entries) {
      for (const lang of ['zh', 'en'] as const) {
        const result = explainCode(catalog, entry.row.code, { product: entry.product, platform: entry.platform });
        assert.equal(result.candidates[0]?.entry.row.id, entry.row.id);
        const card = renderCodeExplanation(result, catalog, lang, PLAIN);
        assert.ok(card.includes(entry.row.description[lang]), `${entry.row.id} ${lang}`);
        for (const step of entry.row.steps[lang]) assert.ok(card.includes(step), `${entry.row.id} ${lang}: ${step}`);
      }
    }
  });
});
