/** Objective-C (iOS): text-anchored fixtures in every handler shape, the NS_ENUM rewrite, and SDK headers. */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { objcSpec, prepareObjc } from '../../server/src/analysis/languages/objc';
import { analyzeFixture, analyzeSource, findingsOf, FIXTURES, handlersOf, itFindsNothingIn, itParsesCleanly, readFixture, referencesOf, sharedEnvironment } from '../support/analysis';

const OBJC_FIXTURES = readdirSync(path.join(FIXTURES, 'objc')).filter((f) => /\.[mh]$/u.test(f)).map((f) => `objc/${f}`);
const NEGATIVE_FIXTURES = readdirSync(path.join(FIXTURES, 'negative')).filter((f) => f.endsWith('.m')).map((f) => `negative/${f}`);

async function hasError(text: string): Promise<boolean> {
  const { parsers } = await sharedEnvironment();
  const { tree } = await parsers.parse('objc', text);
  assert.ok(tree);
  try {
    return tree.rootNode.hasError;
  } finally {
    tree.delete();
  }
}

function newlineOffsets(text: string): number[] {
  return [...text.matchAll(/\n/gu)].map((m) => m.index);
}

describe('analysis: Objective-C', () => {
  it('is wired to .m, .mm and .h files, the objc grammar and the iOS platform', () => {
    assert.equal(objcSpec!.id, 'objc');
    assert.equal(objcSpec!.grammarFor('GOPError.h'), 'objc');
    assert.equal(objcSpec!.grammarFor('Login.mm'), 'objc');
    assert.equal(objcSpec!.defaultPlatform, 'ios');
    assert.equal(objcSpec!.lineComment, '//');
  });

  it('reads an if-chain of isEqualToString: in both orders, isEqual: with OLErrorCode_ names, integerValue and a split message', async () => {
    const { text, analysis } = await analyzeFixture('objc/OLLoginViewController.m');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20302, 'OLErrorCode_20302', 39],
      [-20303, 'kUserSwitchedAccount', 39],
      [-20202, '@"-20202"', 41],
      [-20203, '@"-20203"', 43],
      [-20204, '@"-20204"', 45],
      [-40102, '-40102', 47],
      [-40202, '-40202', 51],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'if-chain', subject: 'errCode', codes: [-20302, -20303, -20202, -20203, -20204, -40102, -40202], table: 'onelogin/ios', hasFallback: true, line: 39 },
    ]);
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', '-40102', 47],
      ['cascade-subcodes', '-40202', 51],
    ]);
    assert.deepEqual(analysis.references.map((r) => r.form), ['symbol', 'constant', 'string', 'string', 'string', 'number', 'number']);
    // A name's digits are not the code as written: the template comes from the first literal.
    assert.equal(analysis.handlers[0]!.comparisonTemplate, '[@"${code}" isEqualToString:errCode]');
    assert.deepEqual(analysis.handlers[0]!.branches.map((b) => b.readsCarrierCode), [false, false, false, true, false]);
  });

  it('reads a OnePass switch on a cast error code with GOPError names and empty cases falling through', async () => {
    const { text, analysis } = await analyzeFixture('objc/GOPVerifyService.m');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20301, 'GOPErrorInvalidPhoneNumber', 28],
      [-20302, 'GOPErrorUnsupportedNetwork', 31],
      [-20303, 'GOPErrorUnsupportedOperator', 32],
      [-40101, '-40101', 36],
      [-40201, '-40201', 37],
      [-39901, 'GOPErrorSocketError', 42],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'switch', subject: 'error.code', codes: [-20301, -20302, -20303, -40101, -40201, -39901], table: 'onepass/ios', hasFallback: true, line: 27 },
    ]);
    assert.deepEqual(findingsOf(text, analysis), [['cascade-carriers', '-40101', 36]]);
    const missing = analysis.findings[0]!.data;
    assert.deepEqual(missing.rule === 'cascade-carriers' && missing.missing.map((m) => m.code), [-40301]);
    const branches = analysis.handlers[0]!.branches;
    assert.deepEqual(branches.map((b) => b.codes), [[-20301], [-20302, -20303], [-40101, -40201], [-39901]]);
    assert.equal(text.slice(branches[2]!.label.start, branches[2]!.label.end), 'case -40101:');
    assert.match(text.slice(branches[2]!.body!.start, branches[2]!.body!.end), /^case -40201: \{\n\s+NSLog/u);
    assert.match(text.slice(analysis.handlers[0]!.fallback!.start, analysis.handlers[0]!.fallback!.end), /^default:\n/u);
  });

  it('reads a dictionary literal, compare: == NSOrderedSame, a switch on integerValue with constants, and isEqualToNumber:', async () => {
    const { text, analysis } = await analyzeFixture('objc/OLErrorMessages.m');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20202, 'kOLNoCellular', 17],
      [-20203, '@"-20203"', 18],
      [-20105, '@"-20105"', 19],
      [-50100, '@"-50100"', 20],
      [-20302, '@"-20302"', 27],
      [-20303, '@"-20303"', 28],
      [-40101, '-40101', 34],
      [-40102, 'kOLCmccTokenFailed', 37],
      [-40301, '- 40301', 40],
      [-20106, '-20106', 47],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'map', subject: null, codes: [-20202, -20203, -20105, -50100], table: 'onelogin/ios', hasFallback: false, line: 16 },
      { kind: 'comparison', subject: 'errorCode', codes: [-20302, -20303], table: 'onelogin/ios', hasFallback: false, line: 27 },
      { kind: 'switch', subject: 'result[@"errorCode"]', codes: [-40101, -40102, -40301], table: 'onelogin/ios', hasFallback: true, line: 33 },
      { kind: 'if-chain', subject: 'result[@"errorCode"]', codes: [-20106], table: 'onelogin/ios', hasFallback: false, line: 47 },
    ]);
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', '-40101', 34],
      ['cascade-subcodes', 'kOLCmccTokenFailed', 37],
    ]);
    assert.deepEqual(
      analysis.handlers.map((h) => h.comparisonTemplate),
      [null, '[errorCode compare:@"${code}"] == NSOrderedSame', null, '[result[@"errorCode"] isEqualToNumber:@(${code})]'],
    );
    const constant = analysis.references.find((r) => r.text === 'kOLCmccTokenFailed')!;
    assert.equal(constant.form, 'constant');
    assert.equal(text.slice(constant.declaredAt!.start, constant.declaredAt!.end), 'static const NSInteger kOLCmccTokenFailed = -40102;');
  });

  it('is silent on a complete handler that reads every carrier code', async () => {
    const { text, analysis } = await analyzeFixture('objc/OLCarrierFailure.m');
    assert.deepEqual(referencesOf(text, analysis), [
      [-40101, 'OLErrorCode_40101', 11],
      [-40102, '@"-40102"', 11],
      [-40201, 'OLErrorCode_40201', 13],
      [-40202, '@"-40202"', 13],
      [-40301, 'OLErrorCode_40301', 15],
      [-40302, '@"-40302"', 15],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'if-chain', subject: 'errCode', codes: [-40101, -40102, -40201, -40202, -40301, -40302], table: 'onelogin/ios', hasFallback: false, line: 11 },
    ]);
    assert.deepEqual(analysis.findings, []);
  });

  it('ignores arguments, returns, array sizes, #defines, comments, prefixed and interpolated strings', async () => {
    const text = `#import <OneLoginSDK/OneLoginSDK.h>
#define kNoCellular @"-20202"
int buffer[20203];
NSInteger f(NSString *code) {
    // [code isEqualToString:@"-20204"]
    [self showMessage:@"-40101" code:-40102];
    if ([code hasPrefix:@"-40201"] || [code isEqualToString:@"BUS-40202"]) { }
    if ([code isEqualToString:@"-4030\\(x)"]) { }
    NSString *fallback = @"-40301";
    return -40302;
}`;
    const analysis = await analyzeSource(text, 'ignored.m', { product: 'onelogin' });
    assert.deepEqual(analysis.references, []);
  });
});

describe('analysis: Objective-C NS_ENUM rewrite and SDK headers', () => {
  it('rewrites NS_ENUM / NS_OPTIONS / NS_ASSUME_NONNULL with the same length and line breaks', () => {
    const text = readFixture('objc/GOPError.h');
    const prepared = prepareObjc(text);
    assert.equal(prepared.length, text.length);
    assert.deepEqual(newlineOffsets(prepared), newlineOffsets(text));
    assert.doesNotMatch(prepared, /NS_ENUM|NS_OPTIONS|NS_ASSUME_NONNULL/u);
    // Exactly the macros change; everything else stays character for character.
    const blank = (s: string) => ' '.repeat(s.length);
    const expected = text
      .replace('typedef NS_ENUM(NSInteger, GOPErrorCode)', 'enum GOPErrorCode'.padEnd('typedef NS_ENUM(NSInteger, GOPErrorCode)'.length))
      .replace('typedef NS_OPTIONS(NSUInteger, GOPLogOptions)', 'enum GOPLogOptions'.padEnd('typedef NS_OPTIONS(NSUInteger, GOPLogOptions)'.length))
      .replace('NS_ASSUME_NONNULL_BEGIN', blank('NS_ASSUME_NONNULL_BEGIN'))
      .replace('NS_ASSUME_NONNULL_END', blank('NS_ASSUME_NONNULL_END'));
    assert.equal(prepared, expected);
  });

  it('rewrites NS_ERROR_ENUM and NS_CLOSED_ENUM too, and the result parses', async () => {
    const text = [
      'typedef NS_ERROR_ENUM(GOPErrorDomain, GOPErrorCode) {',
      '    GOPErrorSocketError = -39901,',
      '};',
      'typedef NS_CLOSED_ENUM(NSUInteger, OLCarrier) { OLCarrierCMCC, OLCarrierCUCC };',
      '',
    ].join('\n');
    const prepared = prepareObjc(text);
    const errorEnum = 'typedef NS_ERROR_ENUM(GOPErrorDomain, GOPErrorCode)';
    const closedEnum = 'typedef NS_CLOSED_ENUM(NSUInteger, OLCarrier)';
    const expected = text
      .replace(errorEnum, 'enum GOPErrorCode'.padEnd(errorEnum.length))
      .replace(closedEnum, 'enum OLCarrier'.padEnd(closedEnum.length));
    assert.equal(prepared, expected);
    assert.equal(await hasError(text), true);
    assert.equal(await hasError(prepared), false);
  });

  it('leaves strings, comments and files without the macros alone', () => {
    const text = '// typedef NS_ENUM(NSInteger, A) in a comment\nNSString *s = @"typedef NS_ENUM(NSInteger, B)";\n/* NS_ASSUME_NONNULL_BEGIN */\n';
    assert.equal(prepareObjc(text), text);
    const plain = readFixture('objc/OLLoginViewController.m');
    assert.equal(prepareObjc(plain), plain);
  });

  for (const header of ['objc/GOPError.h', 'objc/OLErrorCode.h']) {
    it(`parses ${header} with ERROR nodes as written and none after the rewrite`, async () => {
      const text = readFixture(header);
      assert.equal(await hasError(text), true);
      assert.equal(await hasError(prepareObjc(text)), false);
    });

    it(`finds declarations, not handlers, in ${header}`, async () => {
      const { analysis } = await analyzeFixture(header);
      assert.equal(analysis.skipped, null);
      assert.deepEqual(analysis.references, []);
      assert.deepEqual(analysis.handlers, []);
      assert.deepEqual(analysis.findings, []);
    });
  }

  it('follows an NS_ENUM member and a static NSString constant declared in the same file', async () => {
    const text = `#import <OneLoginSDK/OneLoginSDK.h>
typedef NS_ENUM(NSInteger, AppLoginError) {
    AppLoginErrorNoCellular = -20202,
    AppLoginErrorUserBack   = -20302,
};
static NSString * const AppCmccPrefetchFailed = @"-40101";

void AppHandle(NSInteger code, NSString *errCode) {
    if (code == AppLoginErrorNoCellular) {
    } else if (code == AppLoginErrorUserBack) {
    }
    if ([errCode isEqualToString:AppCmccPrefetchFailed]) {
        NSLog(@"%@", errCode);
    }
}`;
    const analysis = await analyzeSource(text, 'AppLogin.m');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20202, 'AppLoginErrorNoCellular', 9],
      [-20302, 'AppLoginErrorUserBack', 10],
      [-40101, 'AppCmccPrefetchFailed', 12],
    ]);
    assert.deepEqual(
      handlersOf(text, analysis).map((h) => [h.kind, h.subject, h.codes, h.table]),
      [
        ['if-chain', 'code', [-20202, -20302], 'onelogin/ios'],
        ['if-chain', 'errCode', [-40101], 'onelogin/ios'],
      ],
    );
    const declared = analysis.references[0]!.declaredAt!;
    assert.equal(text.slice(declared.start, declared.end), 'AppLoginErrorNoCellular = -20202');
  });
});

describe('analysis: Objective-C fixtures parse without errors', () => {
  itParsesCleanly([...OBJC_FIXTURES, ...NEGATIVE_FIXTURES]);
});

describe('analysis: Objective-C negative corpus', () => {
  it('has fixtures', () => assert.ok(NEGATIVE_FIXTURES.length >= 3));
  itFindsNothingIn(NEGATIVE_FIXTURES);

  it('finds no use of a code in look-alike numbers even when told the file is OneLogin code', async () => {
    const { analysis } = await analyzeFixture('negative/ios-lookalikes.m', { product: 'onelogin' });
    assert.deepEqual(analysis.references, []);
  });
});
