/** TypeScript / JavaScript: text-anchored fixtures in every handler shape, through the real parser. */
import assert from 'node:assert/strict';
import { analyze } from '../../server/src/analysis/analyze';
import { analyzeFixture, analyzeSource, findingsOf, handlersOf, referencesOf, sharedEnvironment } from '../support/analysis';

describe('analysis: TypeScript / JavaScript', () => {
  it('reads an H5 switch on res.code, with a near miss of a real code', async () => {
    const { text, analysis } = await analyzeFixture('typescript/h5-onelogin.ts');
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'switch', subject: 'res.code', codes: [10010, 10030, 30001, 30002, 40000, 10301], table: 'onelogin-h5/web', hasFallback: true, line: 7 },
    ]);
    assert.deepEqual(findingsOf(text, analysis), [['unknown-code', '10301', 19]]);
    assert.match(analysis.findings[0]!.message.en, /10301 is not a OneLogin H5 \(OneLoginAPI\) Web code\. Did you mean 10031\?/u);
  });

  it('reads string codes, constants, Number() conversions and lookup maps in an app bridge', async () => {
    const { text, analysis } = await analyzeFixture('typescript/app-bridge.ts');
    assert.deepEqual(referencesOf(text, analysis), [
      [200, '200', 9],
      [-20301, 'USER_CANCEL', 11],
      [-20302, "'-20302'", 11],
      [-20202, 'NO_NETWORK', 13],
      [-40101, "'-40101'", 15],
      [-40102, "'-40102'", 15],
      [-40201, '-40201', 17],
      [-20202, "'-20202'", 24],
      [-20203, '-20203', 25],
    ]);
    assert.deepEqual(
      handlersOf(text, analysis).map((h) => [h.kind, h.subject, h.table]),
      [
        ['if-chain', 'result.status', 'onelogin/server'],
        ['if-chain', 'code', 'onelogin/android'],
        ['map', null, 'onelogin/android'],
      ],
    );
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', "'-40101'", 15],
      ['cascade-subcodes', '-40201', 17],
    ]);
    const missing = analysis.findings[0]!.data;
    assert.equal(missing.rule, 'cascade-carriers');
    assert.deepEqual(missing.rule === 'cascade-carriers' && missing.missing.map((m) => m.code), [-40301, -40202, -40302]);
    assert.equal(analysis.handlers[1]!.comparisonTemplate, "code === '${code}'");
  });

  it('reads a Node server switch on the check API status, but not a bare status 200 test', async () => {
    const { text, analysis } = await analyzeFixture('typescript/server-check.ts');
    assert.deepEqual(
      handlersOf(text, analysis).map((h) => [h.kind, h.codes, h.table, h.hasFallback]),
      [['switch', [12100, 12101, 12104, 12200], 'onelogin/server', true]],
    );
    assert.deepEqual(analysis.findings, []);
  });

  it('is silent on a complete handler that reads the carrier code', async () => {
    const text = `import { OneLoginHelper } from '@geetest/onelogin';
export function onResult(r: { errorCode: string; metadata: { resultCode?: string; code?: string; result?: number } }) {
  switch (r.errorCode) {
    case '-40101': case '-40102': return r.metadata.resultCode;
    case '-40201': case '-40202': return r.metadata.code;
    case '-40301': case '-40302': return r.metadata.result;
    default: return null;
  }
}`;
    const analysis = await analyzeSource(text, 'complete.ts');
    assert.equal(analysis.handlers.length, 1);
    assert.deepEqual(analysis.findings, []);
  });

  it('reads new Map([...]) lookup tables and strips casts from the subject', async () => {
    const text = [
      "import { OneLoginHelper } from '@geetest/onelogin';",
      "const TIPS = new Map<string, string>([['-20202', '请打开移动数据'], ['-20203', '请使用三大运营商的 SIM 卡']]);",
      "switch (result['errorCode'] as string) { case '-20301': break; default: break; }",
      'declare const result: Record<string, unknown>;',
    ].join('\n');
    const analysis = await analyzeSource(text, 'tips.ts');
    assert.deepEqual(handlersOf(text, analysis).map((h) => [h.kind, h.subject, h.codes]), [
      ['map', null, [-20202, -20203]],
      ['switch', "result['errorCode']", [-20301]],
    ]);
  });

  it('keeps one chain one handler when it spells the same field two ways, and status checks apart', async () => {
    const text = [
      "import { OneLoginHelper } from '@geetest/onelogin';",
      'declare const result: { status: number; errorCode: string; metadata: Record<string, string> };',
      'const errorCode = result.errorCode;',
      'if (result.status === 200) {',
      "} else if (errorCode === '-20301') {",
      "} else if (Number(result['errorCode']) === -40101) {",
      '}',
    ].join('\n');
    const analysis = await analyzeSource(text, 'spellings.ts');
    assert.deepEqual(handlersOf(text, analysis).map((h) => [h.subject, h.codes]), [
      ['result.status', [200]],
      ['errorCode', [-20301, -40101]],
    ]);
  });

  it('needs more than a lone distinctive number without the SDK in the file', async () => {
    const lone = await analyzeSource('if (x === -20202) { retry(); }', 'lone.ts');
    assert.deepEqual(lone.references, []);
    const named = await analyzeSource('if (errorCode === -20202) { retry(); }', 'named.ts');
    assert.deepEqual(named.references.map((r) => r.code), [-20202]);
    const quoted = await analyzeSource('if (x === "-20202") { retry(); }', 'quoted.ts');
    assert.deepEqual(quoted.references.map((r) => r.code), [-20202]);
  });

  it('does not parse a file whose only candidates are common numbers', async () => {
    const analysis = await analyzeSource('if (res.status === 500) { retry(); }\nconst limit = 1001;', 'common.ts');
    assert.deepEqual(analysis.references, []);
  });
});

describe('analysis: negative corpus', () => {
  for (const fixture of ['negative/look-alikes.ts', 'negative/univerify.js', 'negative/router.ts']) {
    it(`finds nothing in ${fixture}`, async () => {
      const { analysis } = await analyzeFixture(fixture);
      assert.deepEqual(analysis.references, []);
      assert.deepEqual(analysis.findings, []);
    });
  }
});

describe('analysis: parse budget', () => {
  it('gives up on a parse over its budget and says why, instead of hanging', async () => {
    const { catalog, parsers } = await sharedEnvironment();
    const text = `import { OneLoginHelper } from '@geetest/onelogin';\n${'if (errorCode === "-20202") { retry(); }\n'.repeat(20_000)}`;
    const { analysis, tree } = await analyze({ text, language: 'typescript', fileName: 'big.ts', parseBudgetMs: 1 }, catalog, parsers);
    assert.equal(tree, null);
    assert.match(analysis.skipped ?? '', /^parse of big\.ts took over \d+ ms and was stopped$/u);
    assert.deepEqual(analysis.findings, []);
    const again = await analyzeSource('if (errorCode === "-20202") { retry(); }', 'after.ts');
    assert.equal(again.references.length, 1, 'the parser works again after a cancelled parse');
  });
});
