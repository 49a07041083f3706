/** Kotlin (Android apps): text-anchored fixtures in every handler shape, through the real parser. */
import assert from 'node:assert/strict';
import { analyzeFixture, analyzeSource, findingsOf, fixturesIn, handlersOf, itFindsNothingIn, itParsesCleanly, referencesOf } from '../support/analysis';

/** Each branch of a handler as [codes, reads the carrier code]. */
function branchesOf(analysis: { handlers: readonly { branches: readonly { codes: readonly number[]; readsCarrierCode: boolean }[] }[] }, index: number) {
  return analysis.handlers[index]!.branches.map((b) => [b.codes, b.readsCarrierCode]);
}

describe('analysis: Kotlin', () => {
  it('reads a when with a list of string labels, a const val label and an else arm', async () => {
    const { text, analysis } = await analyzeFixture('kotlin/LoginActivity.kt');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20301, '"-20301"', 33],
      [-20302, '"-20302"', 33],
      [-20202, 'NO_SIM', 34],
      [-40101, '"-40101"', 35],
      [-40102, '"-40102"', 35],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'when', subject: 'errorCode', codes: [-20301, -20302, -20202, -40101, -40102], table: 'onelogin/android', hasFallback: true, line: 32 },
    ]);
    assert.deepEqual(branchesOf(analysis, 0), [
      [[-20301, -20302], false],
      [[-20202], false],
      [[-40101, -40102], false],
    ]);
    const handler = analysis.handlers[0]!;
    assert.match(text.slice(handler.fallback!.start, handler.fallback!.end), /^else -> \{\n\s+toast\("登录失败：\$errorCode"\)/u);
    const constant = analysis.references.find((r) => r.text === 'NO_SIM')!;
    assert.equal(constant.form, 'constant');
    assert.equal(text.slice(constant.declaredAt!.start, constant.declaredAt!.end), 'const val NO_SIM = "-20202"');
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', '"-40101"', 35],
      ['cascade-subcodes', '"-40101"', 35],
      ['cascade-subcodes', '"-40102"', 35],
    ]);
  });

  it('reads an untyped Any compared to strings, .equals both ways, TextUtils.equals over lines and a subject-less when', async () => {
    const { text, analysis } = await analyzeFixture('kotlin/OneLoginPlugin.kt');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20303, '"-20303"', 15],
      [-20301, '"-20301"', 17],
      [-20302, '"-20302"', 17],
      [-20402, '"-20402"', 21],
      [-20202, '"-20202"', 30],
      [-20203, '"-20203"', 30],
      [-40201, '-40201', 31],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'if-chain', subject: 'errorCode', codes: [-20303, -20301, -20302, -20402], table: 'onelogin/android', hasFallback: true, line: 15 },
      { kind: 'if-chain', subject: 'code', codes: [-20202, -20203, -40201], table: 'onelogin/android', hasFallback: true, line: 30 },
    ]);
    assert.deepEqual(branchesOf(analysis, 0), [
      [[-20303], false],
      [[-20301, -20302], false],
      [[-20402], false],
    ]);
    // The entries of `when { … }` are the links of the chain; `else ->` is its fallback.
    assert.deepEqual(branchesOf(analysis, 1), [
      [[-20202, -20203], false],
      [[-40201], false],
    ]);
    const when = analysis.handlers[1]!;
    assert.equal(text.slice(when.fallback!.start, when.fallback!.end), 'false');
    assert.equal(analysis.handlers[0]!.comparisonTemplate, 'errorCode == "${code}"');
    assert.deepEqual(findingsOf(text, analysis), [
      ['unknown-code', '"-20402"', 21],
      ['cascade-carriers', '-40201', 31],
      ['cascade-subcodes', '-40201', 31],
    ]);
    const unknown = analysis.findings[0]!.data;
    assert.deepEqual(unknown.rule === 'unknown-code' && unknown.otherTables, ['onelogin/ios']);
  });

  it('reads OnePass numeric codes: when (val code = …), object and enum constants, mapOf pairs', async () => {
    const { text, analysis } = await analyzeFixture('kotlin/PhoneVerifier.kt');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20200, '"-20200"', 19],
      [-40101, '"-40101"', 20],
      [-40201, '"-40201"', 21],
      [-40301, '"-40301"', 22],
      [-20200, 'NETWORK_DOWN', 33],
      [-20202, '-20202', 33],
      [-50100, 'PRE_TOKEN_EXPIRED', 34],
      [-40101, '-40101', 35],
      [-40201, '-40201', 35],
      [-20202, 'NOT_CELLULAR', 43],
      [-20203, 'OPERATOR_UNSUPPORTED', 44],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'map', subject: null, codes: [-20200, -40101, -40201, -40301], table: 'onepass/android', hasFallback: false, line: 18 },
      { kind: 'when', subject: 'json.optInt("code")', codes: [-20200, -20202, -50100, -40101, -40201], table: 'onepass/android', hasFallback: true, line: 32 },
      { kind: 'when', subject: 'failure', codes: [-20202, -20203], table: 'onepass/android', hasFallback: false, line: 42 },
    ]);
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', '-40101', 35],
      ['cascade-subcodes', '-40101', 35],
      ['cascade-subcodes', '-40201', 35],
    ]);
    const missing = analysis.findings[0]!.data;
    assert.deepEqual(missing.rule === 'cascade-carriers' && missing.missing.map((m) => m.code), [-40301]);
  });

  it('is silent on a complete when that reads metadata, and flags a near miss in another handler', async () => {
    const { text, analysis } = await analyzeFixture('kotlin/CarrierErrors.kt');
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'when', subject: 'errorCode', codes: [-40101, -40102, -40201, -40202, -40301, -40302], table: 'onelogin/android', hasFallback: true, line: 10 },
      { kind: 'if-chain', subject: 'errorCode', codes: [-20301, -20302, -20330], table: 'onelogin/android', hasFallback: false, line: 20 },
    ]);
    assert.deepEqual(branchesOf(analysis, 0), [
      [[-40101, -40102], true],
      [[-40201, -40202], true],
      [[-40301, -40302], true],
    ]);
    assert.equal(analysis.findings.filter((f) => f.handler === 0).length, 0);
    assert.deepEqual(findingsOf(text, analysis), [['unknown-code', '"-20330"', 20]]);
    assert.match(analysis.findings[0]!.message.en, /Did you mean -20303\?/u);
  });

  it('reads if-expressions, !!, casts, optInt, put / index-assignment maps and compareTo', async () => {
    const text = [
      'import com.geetest.onelogin.OneLoginHelper', // 1
      'object Codes { const val CUCC = "-40201" }', // 2
      'class Mapper {', // 3
      '    private val tips = HashMap<String, String>().apply {', // 4
      '        put("-20202", "请打开移动数据")', // 5
      '        this["-20203"] = "请使用三大运营商的 SIM 卡"', // 6
      '    }', // 7
      '    fun label(result: Map<String, Any?>): Int {', // 8
      '        val tone = if (result["errorCode"]!! == "-20303") 1 else if ((result["errorCode"] as String).compareTo("-20302") == 0) 2 else 3', // 9
      '        if (result["errorCode"] == Codes.CUCC) OneLoginHelper.with().dismissAuthActivity()', // 10
      '        return if (JSONObject(result).optInt("errorCode") == -20303) 0 else tone', // 11
      '    }', // 12
      '}', // 13
    ].join('\n');
    const analysis = await analyzeSource(text, 'Mapper.kt');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20202, '"-20202"', 5],
      [-20203, '"-20203"', 6],
      [-20303, '"-20303"', 9],
      [-20302, '"-20302"', 9],
      [-40201, 'CUCC', 10],
      [-20303, '-20303', 11],
    ]);
    assert.deepEqual(
      handlersOf(text, analysis).map((h) => [h.kind, h.subject, h.codes, h.hasFallback, h.line]),
      [
        ['map', null, [-20202, -20203], false, 4],
        ['if-chain', 'result["errorCode"]', [-20303, -20302], true, 9],
        ['if-chain', 'result["errorCode"]', [-40201], false, 10],
        ['if-chain', 'JSONObject(result).optInt("errorCode")', [-20303], true, 11],
      ],
    );
  });

  it('finds a near miss in a later entry of a subject-less when chain', async () => {
    const text = [
      'import com.geetest.onelogin.OneLoginHelper',
      'fun tone(code: String) = when {',
      '    code == "-20301" -> 1',
      '    code == "-20302" || code == "-20330" -> 2',
      '    else -> 3',
      '}',
    ].join('\n');
    const analysis = await analyzeSource(text, 'Tone.kt');
    assert.deepEqual(
      handlersOf(text, analysis).map((h) => [h.kind, h.subject, h.codes, h.hasFallback]),
      [['if-chain', 'code', [-20301, -20302, -20330], true]],
    );
    // The chain's range runs from its first entry to the else arm.
    const handler = analysis.handlers[0]!;
    assert.equal(text.slice(handler.range.start, handler.range.end), 'code == "-20301" -> 1\n    code == "-20302" || code == "-20330" -> 2\n    else -> 3');
    assert.deepEqual(findingsOf(text, analysis), [['unknown-code', '"-20330"', 4]]);
  });

  it('does not take arguments, interpolations, raw strings, locals, returns or long literals for comparisons', async () => {
    const text = [
      'import com.geetest.onelogin.OneLoginHelper',
      'fun noise(errorCode: String): Int {',
      '    val expected = "-20202"',
      '    if (errorCode == expected) report("-20203")',
      '    val joined = "code:${errorCode}-20301"',
      '    val raw = """-20302"""',
      '    if (errorCode == """-40302""") {}',
      '    if (errorCode == "\\u002d20202" || errorCode == "$prefix-40302") {}',
      '    if (errorCode.startsWith("-40101")) {}',
      '    if (errorCode in listOf("-40201")) {}',
      '    val sizes = IntArray(20202)',
      '    val big = -40301L',
      '    OneLoginHelper.with().cancel(-40102)',
      '    return -40202',
      '}',
    ].join('\n');
    const analysis = await analyzeSource(text, 'Noise.kt');
    assert.deepEqual(analysis.references, []);
    assert.deepEqual(analysis.handlers, []);
  });
});

describe('analysis: Kotlin negative corpus', () => {
  const fixtures = fixturesIn('negative', '.kt');

  it('has Kotlin negative fixtures', () => {
    assert.deepEqual(fixtures, ['GeTuiLogin.kt', 'LookAlikes.kt', 'RouterClient.kt'].map((f) => `negative/${f}`));
  });

  itFindsNothingIn(fixtures);
});

describe('analysis: Kotlin fixtures parse cleanly', () => {
  itParsesCleanly([...fixturesIn('kotlin'), ...fixturesIn('negative', '.kt')]);
});
