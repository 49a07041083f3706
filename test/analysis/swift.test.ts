/** Swift (iOS): text-anchored fixtures in every handler shape, through the real (patched) parser. */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { swiftSpec } from '../../server/src/analysis/languages/swift';
import { analyzeFixture, analyzeSource, findingsOf, FIXTURES, handlersOf, itFindsNothingIn, itParsesCleanly, referencesOf } from '../support/analysis';

const SWIFT_FIXTURES = readdirSync(path.join(FIXTURES, 'swift')).filter((f) => f.endsWith('.swift')).map((f) => `swift/${f}`);
const NEGATIVE_FIXTURES = readdirSync(path.join(FIXTURES, 'negative')).filter((f) => f.endsWith('.swift')).map((f) => `negative/${f}`);

describe('analysis: Swift', () => {
  it('is wired to .swift files, the patched swift grammar and the iOS platform', () => {
    assert.equal(swiftSpec!.id, 'swift');
    assert.equal(swiftSpec!.grammarFor('Login.swift'), 'swift');
    assert.equal(swiftSpec!.defaultPlatform, 'ios');
    assert.equal(swiftSpec!.lineComment, '//');
    assert.equal(swiftSpec!.prepare, undefined);
  });

  it('reads an if-chain on errorCode with || chains split over lines, and flags an Android-only code', async () => {
    const { text, analysis } = await analyzeFixture('swift/OneLoginLoginController.swift');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20301, '"-20301"', 30],
      [-20302, '"-20302"', 30],
      [-20303, '"-20303"', 30],
      [-20202, '"-20202"', 32],
      [-40101, '"-40101"', 34],
      [-40102, '"-40102"', 39],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'if-chain', subject: 'errorCode', codes: [-20301, -20302, -20303, -20202, -40101, -40102], table: 'onelogin/ios', hasFallback: true, line: 30 },
    ]);
    assert.deepEqual(findingsOf(text, analysis), [
      ['unknown-code', '"-20301"', 30],
      ['cascade-carriers', '"-40101"', 34],
      ['cascade-subcodes', '"-40102"', 39],
    ]);
    assert.match(analysis.findings[0]!.message.en, /^-20301 is not a OneLogin \(app\) iOS code; it belongs to OneLogin \(app\) Android/u);
    const missing = analysis.findings[1]!.data;
    assert.deepEqual(missing.rule === 'cascade-carriers' && missing.missing.map((m) => m.code), [-40201, -40301, -40202, -40302]);
    // The grammar nests `a == "x" || a == "y"` as `a == ("x" || …)`: the template is still one comparison.
    assert.equal(analysis.handlers[0]!.comparisonTemplate, 'errorCode == "${code}"');
    const branches = analysis.handlers[0]!.branches;
    assert.deepEqual(branches.map((b) => b.codes), [[-20301, -20302, -20303], [-20202], [-40101], [-40102]]);
    assert.deepEqual(branches.map((b) => b.readsCarrierCode), [false, false, true, false]);
    assert.equal(text.slice(branches[3]!.label.start, branches[3]!.label.end), 'if errorCode\n                    == "-40102" ');
  });

  it('reads a switch on strings with case lists, a raw string, fallthrough and where; a guard; Int() and integerValue', async () => {
    const { text, analysis } = await analyzeFixture('swift/OneLoginResultRouter.swift');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20302, '"-20302"', 18],
      [-20303, '"-20303"', 18],
      [-20202, '"-20202"', 20],
      [-20203, '#"-20203"#', 20],
      [-40201, '"-40201"', 22],
      [-40202, '"-40202"', 24],
      [-20105, '"-20105"', 28],
      [-20302, '"-20302"', 38],
      [-20303, '"-20303"', 38],
      [-40101, '-40101', 47],
      [-40201, '-40201', 47],
      [-40301, '-40301', 47],
      [-50100, '-50100', 50],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'switch', subject: 'code', codes: [-20302, -20303, -20202, -20203, -40201, -40202, -20105], table: 'onelogin/ios', hasFallback: true, line: 17 },
      { kind: 'if-chain', subject: 'code', codes: [-20302, -20303], table: 'onelogin/ios', hasFallback: false, line: 38 },
      { kind: 'if-chain', subject: 'raw', codes: [-40101, -40201, -40301], table: 'onelogin/ios', hasFallback: false, line: 47 },
      { kind: 'comparison', subject: 'raw', codes: [-50100], table: 'onelogin/ios', hasFallback: false, line: 50 },
    ]);
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', '"-40201"', 22],
      ['cascade-carriers', '-40101', 47],
      ['cascade-subcodes', '-40101', 47],
      ['cascade-subcodes', '-40201', 47],
      ['cascade-subcodes', '-40301', 47],
    ]);
    const [switchHandler, guardHandler, intHandler, bare] = analysis.handlers;
    // `case "-40201": fallthrough` runs the next arm's body, which reads metadata["code"].
    assert.deepEqual(switchHandler!.branches.map((b) => [b.codes, b.readsCarrierCode]), [
      [[-20302, -20303], false],
      [[-20202, -20203], false],
      [[-40201, -40202], true],
      [[-20105], false],
    ]);
    assert.equal(text.slice(switchHandler!.branches[0]!.label.start, switchHandler!.branches[0]!.label.end), 'case "-20302", "-20303":\n            return .cancelled');
    assert.match(text.slice(switchHandler!.fallback!.start, switchHandler!.fallback!.end), /^default:\n\s+return \.needsSMS\(reason: code\)$/u);
    // A guard's else block is what runs for the codes it lets through.
    assert.equal(text.slice(guardHandler!.branches[0]!.body!.start, guardHandler!.branches[0]!.body!.end), '{\n            return true\n        }');
    assert.equal(guardHandler!.comparisonTemplate, 'code != "${code}"');
    assert.equal(intHandler!.comparisonTemplate, 'Int(raw) == ${code}');
    assert.equal(bare!.comparisonTemplate, '(raw as NSString).integerValue == ${code}');
  });

  it('reads OnePass GOPError names and a switch on the NSError code', async () => {
    const { text, analysis } = await analyzeFixture('swift/OnePassVerifier.swift');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20301, 'GOPErrorInvalidPhoneNumber', 21],
      [-39901, 'GOPErrorSocketError', 23],
      [-20302, '-20302', 29],
      [-20303, '-20303', 29],
      [-40101, '-40101', 31],
      [-40301, '-40301', 33],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'switch', subject: 'error.code', codes: [-20301, -39901], table: 'onepass/ios', hasFallback: true, line: 20 },
      { kind: 'switch', subject: 'error.code', codes: [-20302, -20303, -40101, -40301], table: 'onepass/ios', hasFallback: true, line: 28 },
    ]);
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', '-40101', 31],
      ['cascade-subcodes', '-40301', 33],
    ]);
    const missing = analysis.findings[0]!.data;
    assert.deepEqual(missing.rule === 'cascade-carriers' && missing.missing.map((m) => m.code), [-40201]);
  });

  it('follows constants, static lets, enum raw values, OLErrorCode_ names and dictionary keys', async () => {
    const { text, analysis } = await analyzeFixture('swift/LoginErrorCodes.swift');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20202, '"-20202"', 24],
      [-20203, '"-20203"', 25],
      [-20204, '"-20204"', 26],
      [-20302, 'userBack', 30],
      [-20303, 'switchAccount', 30],
      [-20302, 'OLErrorCode_20302', 34],
      [-20203, 'kUnsupportedCarrier', 36],
      [-20101, 'appNotRegistered', 40],
      [-20105, 'timeout', 40],
      [-40101, 'cmccPrefetch', 42],
      [-40201, 'cuccPrefetch', 44],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'map', subject: null, codes: [-20202, -20203, -20204], table: 'onelogin/ios', hasFallback: false, line: 23 },
      { kind: 'comparison', subject: 'errorCode', codes: [-20302, -20303], table: 'onelogin/ios', hasFallback: false, line: 30 },
      { kind: 'if-chain', subject: 'errorCode', codes: [-20302, -20203], table: 'onelogin/ios', hasFallback: false, line: 34 },
      { kind: 'switch', subject: 'errorCode', codes: [-20101, -20105, -40101, -40201], table: 'onelogin/ios', hasFallback: false, line: 39 },
    ]);
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', 'cmccPrefetch', 42],
      ['cascade-subcodes', 'cmccPrefetch', 42],
      ['cascade-subcodes', 'cuccPrefetch', 44],
    ]);
    const forms = analysis.references.map((r) => r.form);
    assert.deepEqual(forms, ['string', 'string', 'string', 'constant', 'constant', 'symbol', 'constant', 'constant', 'constant', 'constant', 'constant']);
    // A map entry's label is its key; the entry runs to its value.
    const entry = analysis.handlers[0]!.branches[0]!;
    assert.equal(text.slice(entry.label.start, entry.label.end), '"-20202": "请打开蜂窝数据 📶"');
  });

  it('is silent on a complete handler that reads every carrier code', async () => {
    const { text, analysis } = await analyzeFixture('swift/CarrierFailureHandler.swift');
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'switch', subject: 'errorCode', codes: [-40101, -40102, -40201, -40202, -40301, -40302], table: 'onelogin/ios', hasFallback: true, line: 14 },
    ]);
    assert.deepEqual(analysis.findings, []);
  });

  it('reads a literal on the left of an || chain and != as a custom operator', async () => {
    const text = `import OneLoginSDK
func f(_ code: String) -> Bool {
    if "-20302" == code || "-20303" == code { return true }
    return code != "-20202" && code !== "-20203"
}`;
    const analysis = await analyzeSource(text, 'left.swift');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20302, '"-20302"', 3],
      [-20303, '"-20303"', 3],
      [-20202, '"-20202"', 4],
      [-20203, '"-20203"', 4],
    ]);
    assert.deepEqual(
      analysis.handlers.map((h) => [h.kind, h.subject, h.codes, h.comparisonTemplate]),
      [
        ['if-chain', 'code', [-20302, -20303], '"${code}" == code'],
        ['comparison', 'code', [-20202, -20203], 'code != "${code}"'],
      ],
    );
    assert.deepEqual(
      analysis.handlers[1]!.branches.map((b) => text.slice(b.label.start, b.label.end)),
      ['code != "-20202"', 'code !== "-20203"'],
    );
  });

  it('ignores interpolated strings, comments, vars, arguments, ranges and numbers inside text', async () => {
    const text = `import OneLoginSDK
var retryCode = "-20202"
func f(_ code: String, _ n: Int) {
    // errorCode == "-20202" 时提示打开蜂窝数据
    if code == "-2020\\(n)" || code == "x-20203" { }
    if code == retryCode { }
    log(code, -40101, ["-20204"])
    let limit = -40102
    switch n { case -40201 ... -40202: break; default: break }
    let s = """
    -40301
    """
}`;
    const analysis = await analyzeSource(text, 'ignored.swift', { product: 'onelogin' });
    assert.deepEqual(analysis.references, []);
  });
});

describe('analysis: Swift fixtures parse without errors', () => {
  itParsesCleanly([...SWIFT_FIXTURES, ...NEGATIVE_FIXTURES]);
});

describe('analysis: Swift negative corpus', () => {
  it('has fixtures', () => assert.ok(NEGATIVE_FIXTURES.length >= 3));
  itFindsNothingIn(NEGATIVE_FIXTURES);

  it('finds no use of a code in look-alike numbers even when told the file is OneLogin code', async () => {
    const { analysis } = await analyzeFixture('negative/ios-lookalikes.swift', { product: 'onelogin' });
    assert.deepEqual(analysis.references, []);
  });
});
