/** Java (Android apps and Java servers): text-anchored fixtures in every handler shape, through the real parser. */
import assert from 'node:assert/strict';
import { analyzeFixture, analyzeSource, findingsOf, fixturesIn, handlersOf, itFindsNothingIn, itParsesCleanly, referencesOf } from '../support/analysis';

/** Each branch of a handler as [codes, reads the carrier code]. */
function branchesOf(analysis: { handlers: readonly { branches: readonly { codes: readonly number[]; readsCarrierCode: boolean }[] }[] }, index: number) {
  return analysis.handlers[index]!.branches.map((b) => [b.codes, b.readsCarrierCode]);
}

describe('analysis: Java', () => {
  it('reads an if-chain of equals in both orders, constants, TextUtils.equals over lines and Integer.parseInt', async () => {
    const { text, analysis } = await analyzeFixture('java/OneLoginActivity.java');
    assert.deepEqual(referencesOf(text, analysis), [
      [200, '200', 32],
      [-20301, 'USER_CANCEL', 37],
      [-20302, 'SWITCH_METHOD', 37],
      [-20303, '"-20303"', 40],
      [-20202, '"-20202"', 44],
      [-20203, '"-20203"', 46],
      [-40101, '-40101', 48],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'if-chain', subject: 'status', codes: [200], table: 'onelogin/server', hasFallback: false, line: 32 },
      { kind: 'if-chain', subject: 'errorCode', codes: [-20301, -20302, -20303, -20202, -20203, -40101], table: 'onelogin/android', hasFallback: true, line: 37 },
    ]);
    assert.deepEqual(branchesOf(analysis, 1), [
      [[-20301, -20302], false],
      [[-20303], false],
      [[-20202], false],
      [[-20203], false],
      [[-40101], false],
    ]);
    assert.equal(analysis.handlers[1]!.confidence, 'strong');
    assert.equal(analysis.handlers[1]!.comparisonTemplate, 'errorCode.equals("${code}")');
    const constant = analysis.references.find((r) => r.text === 'USER_CANCEL')!;
    assert.equal(constant.form, 'constant');
    assert.equal(text.slice(constant.declaredAt!.start, constant.declaredAt!.end), 'private static final String USER_CANCEL = "-20301";');
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', '-40101', 48],
      ['cascade-subcodes', '-40101', 48],
    ]);
    const missing = analysis.findings[0]!.data;
    assert.deepEqual(missing.rule === 'cascade-carriers' && missing.missing.map((m) => m.code), [-40201, -40301, -40102, -40202, -40302]);
  });

  it('reads string switches with fall-through, int switches on getInt, optInt comparisons and switch rules', async () => {
    const { text, analysis } = await analyzeFixture('java/LoginResultRouter.java');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20301, '"-20301"', 31],
      [-20302, '"-20302"', 32],
      [-20202, '"-20202"', 35],
      [-20203, 'NO_CELLULAR', 36],
      [-40102, '"-40102"', 39],
      [-40202, '"-40202"', 40],
      [-20303, '-20303', 53],
      [-50100, '-50100', 56],
      [-20303, '-20303', 63],
      [-20301, '"-20301"', 71],
      [-20302, '"-20302"', 71],
      [-40301, '"-40301"', 72],
      [-40302, '"-40302"', 72],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'switch', subject: 'errorCode', codes: [-20301, -20302, -20202, -20203, -40102, -40202], table: 'onelogin/android', hasFallback: true, line: 30 },
      { kind: 'switch', subject: 'result.getInt("errorCode")', codes: [-20303, -50100], table: 'onelogin/android', hasFallback: true, line: 52 },
      { kind: 'if-chain', subject: 'result.optInt("errorCode")', codes: [-20303], table: 'onelogin/android', hasFallback: false, line: 63 },
      { kind: 'switch', subject: 'errorCode', codes: [-20301, -20302, -40301, -40302], table: 'onelogin/android', hasFallback: true, line: 70 },
    ]);
    // Empty cases fall through to the next case with statements: one branch per body.
    assert.deepEqual(branchesOf(analysis, 0), [
      [[-20301, -20302], false],
      [[-20202, -20203], false],
      [[-40102, -40202], true],
    ]);
    assert.deepEqual(branchesOf(analysis, 3), [
      [[-20301, -20302], false],
      [[-40301, -40302], false],
    ]);
    assert.equal(analysis.handlers[2]!.comparisonTemplate, 'result.optInt("errorCode") == ${code}');
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', '"-40102"', 39],
      ['cascade-carriers', '"-40301"', 72],
      ['cascade-subcodes', '"-40301"', 72],
      ['cascade-subcodes', '"-40302"', 72],
    ]);
  });

  it('reads OnePass maps (Map.of, static put) and Objects.equals / compareTo comparisons', async () => {
    const { text, analysis } = await analyzeFixture('java/PhoneVerifyPresenter.java');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20200, '"-20200"', 20],
      [-20202, '"-20202"', 21],
      [-40101, '"-40101"', 22],
      [-40201, '"-40201"', 23],
      [-20203, '-20203', 28],
      [-50100, '-50100', 29],
      [-20200, '"-20200"', 42],
      [-20202, '"-20202"', 42],
      [-40101, '"-40101"', 44],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'map', subject: null, codes: [-20200, -20202, -40101, -40201], table: 'onepass/android', hasFallback: false, line: 19 },
      { kind: 'map', subject: null, codes: [-20203, -50100], table: 'onepass/android', hasFallback: false, line: 27 },
      { kind: 'if-chain', subject: 'code', codes: [-20200, -20202, -40101], table: 'onepass/android', hasFallback: true, line: 42 },
    ]);
    assert.deepEqual(branchesOf(analysis, 2), [
      [[-20200, -20202], false],
      [[-40101], true],
    ]);
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', '"-40101"', 22],
      ['cascade-carriers', '"-40101"', 44],
    ]);
    const missing = analysis.findings[1]!.data;
    assert.deepEqual(missing.rule === 'cascade-carriers' && missing.missing.map((m) => m.code), [-40201, -40301]);
  });

  it('resolves a Spring controller switching on the check-phone status to onelogin/server', async () => {
    const { text, analysis } = await analyzeFixture('java/PhoneCheckController.java');
    assert.deepEqual(referencesOf(text, analysis), [
      [12100, '12100', 26],
      [12101, '12101', 27],
      [12104, '12104', 30],
      [12200, '12200', 32],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'switch', subject: 'status', codes: [12100, 12101, 12104, 12200], table: 'onelogin/server', hasFallback: true, line: 25 },
    ]);
    assert.deepEqual(analysis.findings, []);
  });

  it('is silent on a complete handler that reads metadata resultCode / code / result', async () => {
    const { text, analysis } = await analyzeFixture('java/CarrierFailureHandler.java');
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'switch', subject: 'errorCode', codes: [-40101, -40102, -40201, -40202, -40301, -40302], table: 'onelogin/android', hasFallback: true, line: 13 },
    ]);
    assert.deepEqual(branchesOf(analysis, 0), [
      [[-40101, -40102], true],
      [[-40201, -40202], true],
      [[-40301, -40302], true],
    ]);
    assert.deepEqual(analysis.findings, []);
  });

  it('reads interface constants, enum codes, Map.entry, casts and equalsIgnoreCase', async () => {
    const text = [
      'import com.geetest.onelogin.OneLoginHelper;', // 1
      'interface Codes { String NO_NETWORK = "-20202"; int CMCC = -40101; }', // 2
      'enum Failure { USER_CANCEL("-20301", "用户取消"), SWITCH(-20302); Failure(Object c, String m) {} Failure(int c) {} }', // 3
      'class Handler {', // 4
      '  static final Map<String, Integer> ICONS = Map.ofEntries(Map.entry("-20202", 1), entry("-20203", 2));', // 5
      '  void on(JSONObject json, Failure failure) {', // 6
      '    if (((String) json.get("errorCode")).equalsIgnoreCase(Codes.NO_NETWORK)) {', // 7
      '    } else if (json.optInt("errorCode") == Codes.CMCC) {', // 8
      '    }', // 9
      '    switch (failure) { case USER_CANCEL: case SWITCH: OneLoginHelper.with().dismissAuthActivity(); break; }', // 10
      '  }', // 11
      '}', // 12
    ].join('\n');
    const analysis = await analyzeSource(text, 'Handler.java');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20202, '"-20202"', 5],
      [-20203, '"-20203"', 5],
      [-20202, 'NO_NETWORK', 7],
      [-40101, 'CMCC', 8],
      [-20301, 'USER_CANCEL', 10],
      [-20302, 'SWITCH', 10],
    ]);
    assert.deepEqual(
      handlersOf(text, analysis).map((h) => [h.kind, h.subject, h.codes, h.line]),
      [
        ['map', null, [-20202, -20203], 5],
        // Two spellings of the same field in one chain are one handler.
        ['if-chain', 'json.get("errorCode")', [-20202, -40101], 7],
        ['switch', 'failure', [-20301, -20302], 10],
      ],
    );
  });

  it('does not take arguments, returns, locals, concatenations, text blocks or hex for comparisons', async () => {
    const text = [
      'import com.geetest.onelogin.OneLoginHelper;',
      'class Noise {',
      '  int f(String errorCode) {',
      '    String expected = "-20202";',
      '    if (errorCode.equals(expected)) report("-20203");',
      '    String joined = "-20301" + errorCode;',
      '    if (errorCode.equals("-20302" + "")) {}',
      '    if (errorCode.startsWith("-40101")) {}',
      '    if (errorCode.equals("\\u002d40302") || errorCode.equals("""\n-20202""")) {}',
      '    String block = """',
      '        -40201""";',
      '    int[] sizes = new int[20202];',
      '    long colour = 0x20203;',
      '    OneLoginHelper.with().cancel(-40301);',
      '    return -40102;',
      '  }',
      '}',
    ].join('\n');
    const analysis = await analyzeSource(text, 'Noise.java');
    assert.deepEqual(analysis.references, []);
    assert.deepEqual(analysis.handlers, []);
  });
});

describe('analysis: Java negative corpus', () => {
  const fixtures = fixturesIn('negative', '.java');

  it('has Java negative fixtures', () => {
    assert.deepEqual(fixtures, ['LookAlikes.java', 'OracleJdbc.java', 'UniverifyModule.java'].map((f) => `negative/${f}`));
  });

  itFindsNothingIn(fixtures);
});

describe('analysis: Java fixtures parse cleanly', () => {
  itParsesCleanly([...fixturesIn('java'), ...fixturesIn('negative', '.java')]);
});
