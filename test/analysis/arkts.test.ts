/** ArkTS (HarmonyOS `.ets`): text-anchored fixtures in every handler shape, through the rewrite and the real parser. */
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { arktsSpec } from '../../server/src/analysis/languages/arkts';
import { languageForFile, specFor } from '../../server/src/analysis/languages';
import { rewrittenText } from '../../server/src/analysis/languages/spec';
import { analyzeFixture, analyzeSource, findingsOf, FIXTURES, handlersOf, readFixture, referencesOf, sharedEnvironment } from '../support/analysis';

/** Each branch of a handler as [codes, reads the carrier code]. */
function branchesOf(analysis: { handlers: readonly { branches: readonly { codes: readonly number[]; readsCarrierCode: boolean }[] }[] }, index: number) {
  return analysis.handlers[index]!.branches.map((b) => [b.codes, b.readsCarrierCode]);
}

/** Every `.ets` fixture under test/fixtures/arkts, relative to test/fixtures. */
function arktsFixtures(): string[] {
  const root = path.join(FIXTURES, 'arkts');
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ets'))
    .map((file) => path.join('arkts', file).split(path.sep).join('/'))
    .sort();
}

/** ERROR and MISSING nodes of `text` parsed with the TypeScript grammar, as `line:column type`. */
async function parseErrors(text: string): Promise<string[]> {
  const { parsers } = await sharedEnvironment();
  const { tree } = await parsers.parse('typescript', text);
  assert.ok(tree, 'the parse finished');
  const errors: string[] = [];
  const walk = (node: NonNullable<typeof tree>['rootNode']): void => {
    if (node.type === 'ERROR' || node.isMissing) {
      errors.push(`${node.startPosition.row + 1}:${node.startPosition.column + 1} ${node.type}`);
      return;
    }
    if (node.hasError) for (const child of node.children) if (child) walk(child);
  };
  walk(tree.rootNode);
  tree.delete();
  return errors;
}

describe('analysis: ArkTS', () => {
  it('is wired to .ets files, the TypeScript grammar and the HarmonyOS platform', () => {
    assert.equal(languageForFile('entry/src/main/ets/pages/Index.ets'), 'arkts');
    assert.equal(specFor('arkts'), arktsSpec);
    assert.equal(arktsSpec!.defaultPlatform, 'harmonyos');
    assert.equal(arktsSpec!.grammarFor('Index.ets'), 'typescript');
    assert.equal(typeof arktsSpec!.prepare, 'function');
  });

  it('reads an if-chain in a struct method called from onResult, in both orders and split over lines', async () => {
    const { text, analysis } = await analyzeFixture('arkts/LoginPage.ets');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20301, "'-20301'", 52],
      [-20302, "'-20302'", 52],
      [-20202, "'-20202'", 55],
      [-20203, "'-20203'", 58],
      [-40101, "'-40101'", 60],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'if-chain', subject: 'errorCode', codes: [-20301, -20302, -20202, -20203, -40101], table: 'onelogin/harmonyos', hasFallback: true, line: 52 },
    ]);
    assert.deepEqual(branchesOf(analysis, 0), [
      [[-20301, -20302], false],
      [[-20202], false],
      [[-20203], false],
      [[-40101], false],
    ]);
    const handler = analysis.handlers[0]!;
    assert.match(text.slice(handler.fallback!.start, handler.fallback!.end), /^\{\n\s+promptAction\.showToast\(\{ message: `登录失败 \$\{errorCode\}` \}\)/u);
    assert.equal(handler.comparisonTemplate, "errorCode === '${code}'");
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', "'-40101'", 60],
      ['cascade-subcodes', "'-40101'", 60],
    ]);
    const missing = analysis.findings[0]!.data;
    assert.deepEqual(missing.rule === 'cascade-carriers' && missing.missing.map((m) => m.code), [-40201, -40301, -40102, -40202, -40302]);
    // The status check is not a code handler: 200 is no HarmonyOS SDK code.
    assert.ok(!analysis.references.some((r) => r.code === 200));
  });

  it('reads switches on a cast string, on Number(...) and an if-chain on the carrier code in a plain class', async () => {
    const { text, analysis } = await analyzeFixture('arkts/OneLoginService.ets');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20301, "'-20301'", 25],
      [-20302, "'-20302'", 26],
      [-20303, "'-20303'", 29],
      [-40101, "'-40101'", 31],
      [-40102, "'-40102'", 32],
      [-40201, "'-40201'", 36],
      [-20202, '-20202', 46],
      [-20203, '-20203', 47],
      [-50100, '-50100', 49],
      [103111, "'103111'", 58],
      [103511, "'103511'", 60],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'switch', subject: "result['errorCode']", codes: [-20301, -20302, -20303, -40101, -40102, -40201], table: 'onelogin/harmonyos', hasFallback: true, line: 24 },
      { kind: 'switch', subject: "result['errorCode']", codes: [-20202, -20203, -50100], table: 'onelogin/harmonyos', hasFallback: true, line: 45 },
      { kind: 'if-chain', subject: 'resultCode', codes: [103111, 103511], table: 'carrier/cmcc', hasFallback: false, line: 58 },
    ]);
    // Fall-through: the empty `case '-20301':` runs the body of `case '-20302':`; the -40101 block reads metadata.
    assert.deepEqual(branchesOf(analysis, 0), [
      [[-20301, -20302], false],
      [[-20303], false],
      [[-40101, -40102], true],
      [[-40201], false],
    ]);
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', "'-40101'", 31],
      ['cascade-subcodes', "'-40201'", 36],
    ]);
  });

  it('reads OnePassHelper.getToken onTokenFail with numeric codes in a @Component struct', async () => {
    const { text, analysis } = await analyzeFixture('arkts/OnePassPage.ets');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20200, '-20200', 18],
      [-20203, '-20203', 20],
      [-20204, '-20204', 20],
      [-40101, '-40101', 22],
      [-40201, '-40201', 22],
      [-40301, '-40301', 22],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'if-chain', subject: 'code', codes: [-20200, -20203, -20204, -40101, -40201, -40301], table: 'onepass/harmonyos', hasFallback: true, line: 18 },
    ]);
    assert.equal(analysis.handlers[0]!.comparisonTemplate, 'code == ${code}');
    // All three carriers are handled; the branch only shows the message, never the carrier's code.
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-subcodes', '-40101', 22],
      ['cascade-subcodes', '-40201', 22],
      ['cascade-subcodes', '-40301', 22],
    ]);
  });

  it('reads constants, enum members, a static readonly, a Record lookup table and parseInt / Number conversions', async () => {
    const { text, analysis } = await analyzeFixture('arkts/ErrorTips.ets');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20202, "'-20202'", 14],
      [-20203, "'-20203'", 15],
      [-20303, "'-20303'", 16],
      [-20301, 'USER_CANCEL', 23],
      [-20302, 'SWITCHED', 23],
      [-40101, 'CmccFailed', 26],
      [-20200, 'TimedOut', 29],
      [-20203, 'NO_SIM', 33],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'map', subject: null, codes: [-20202, -20203, -20303], table: 'onelogin/harmonyos', hasFallback: false, line: 13 },
      { kind: 'if-chain', subject: 'errorCode', codes: [-20301, -20302], table: 'onelogin/harmonyos', hasFallback: false, line: 23 },
      { kind: 'if-chain', subject: 'errorCode', codes: [-40101, -20200], table: 'onelogin/harmonyos', hasFallback: false, line: 26 },
      { kind: 'if-chain', subject: 'errorCode', codes: [-20203], table: 'onelogin/harmonyos', hasFallback: false, line: 32 },
    ]);
    const declarations = analysis.references
      .filter((r) => r.form === 'constant')
      .map((r) => [r.text, text.slice(r.declaredAt!.start, r.declaredAt!.end)]);
    assert.deepEqual(declarations, [
      ['USER_CANCEL', "const USER_CANCEL: string = '-20301';"],
      ['SWITCHED', "static readonly SWITCHED: string = '-20302'"],
      ['CmccFailed', 'CmccFailed = -40101'],
      ['TimedOut', 'TimedOut = -20200'],
      ['NO_SIM', "const NO_SIM = '-20203';"],
    ]);
    assert.deepEqual(findingsOf(text, analysis), [
      ['cascade-carriers', 'CmccFailed', 26],
      ['cascade-subcodes', 'CmccFailed', 26],
    ]);
  });

  it('is silent on a complete handler inside a Button block onClick, and reads an if in build()', async () => {
    const { text, analysis } = await analyzeFixture('arkts/CompleteLogin.ets');
    assert.deepEqual(referencesOf(text, analysis), [
      [-40101, "'-40101'", 28],
      [-40102, "'-40102'", 29],
      [-40201, "'-40201'", 32],
      [-40202, "'-40202'", 33],
      [-40301, "'-40301'", 36],
      [-40302, "'-40302'", 37],
      [-20202, "'-20202'", 46],
      [-20203, "'-20203'", 48],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'switch', subject: 'result.errorCode', codes: [-40101, -40102, -40201, -40202, -40301, -40302], table: 'onelogin/harmonyos', hasFallback: true, line: 27 },
      { kind: 'if-chain', subject: 'this.lastCode', codes: [-20202, -20203], table: 'onelogin/harmonyos', hasFallback: false, line: 46 },
    ]);
    assert.deepEqual(branchesOf(analysis, 0), [
      [[-40101, -40102], true],
      [[-40201, -40202], true],
      [[-40301, -40302], true],
    ]);
    assert.deepEqual(analysis.findings, []);
  });

  it('finds a handler deep in UI blocks, stateStyles and a CustomDialog with exact ranges in the original text', async () => {
    const { text, analysis } = await analyzeFixture('arkts/Showcase.ets');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20301, "'-20301'", 181],
      [-20302, "'-20302'", 181],
    ]);
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'if-chain', subject: 'code', codes: [-20301, -20302], table: 'onelogin/harmonyos', hasFallback: false, line: 181 },
    ]);
    const handler = analysis.handlers[0]!;
    assert.equal(text.slice(handler.range.start, handler.range.end), "if (code === '-20301' || code === '-20302') {\n                        return\n                      }");
    assert.deepEqual(analysis.findings, []);
  });

  it('reads a vendor-doc style demo: onResult(result) and onTokenFail(data) callback objects, OneLogin and OnePass in one file', async () => {
    const { text, analysis } = await analyzeFixture('arkts/VendorDemo.ets');
    assert.deepEqual(referencesOf(text, analysis), [
      [-20302, "'-20302'", 23],
      [-20303, "'-20303'", 25],
      [-20205, '-20205', 42],
      [-20206, '-20206', 43],
    ]);
    // The codes decide between the two products the file names: -20205/-20206 are OnePass codes only.
    assert.deepEqual(handlersOf(text, analysis), [
      { kind: 'if-chain', subject: 'json.errorCode', codes: [-20302, -20303], table: 'onelogin/harmonyos', hasFallback: false, line: 23 },
      { kind: 'switch', subject: 'json.code', codes: [-20205, -20206], table: 'onepass/harmonyos', hasFallback: true, line: 41 },
    ]);
    assert.deepEqual(analysis.findings, []);
  });

  it('reads a handler in an inline page and keeps its ranges on the original text', async () => {
    const text = [
      "import { OneLoginHelper } from '@geetest/onelogin'",
      '@Entry',
      '@Component',
      'struct Inline {',
      '  build() {',
      '    Row(){',
      "      Button('登录').onClick(() => OneLoginHelper.getInstance().requestToken({",
      '        onResult: (r: Record<string, string>) => {',
      "          if (r['errorCode'] === '-20202') { this.retry() }",
      '        }',
      '      }))',
      '    }',
      "    .width('100%')",
      '  }',
      '  retry() {}',
      '}',
    ].join('\n');
    const analysis = await analyzeSource(text, 'Inline.ets');
    assert.deepEqual(referencesOf(text, analysis), [[-20202, "'-20202'", 9]]);
    assert.deepEqual(analysis.handlers.map((h) => [h.subject, `${h.product}/${h.platform}`]), [["r['errorCode']", 'onelogin/harmonyos']]);
    const reference = analysis.references[0]!;
    assert.equal(reference.range.start, text.indexOf("'-20202'"));
  });

  it('needs more than a lone distinctive number without the SDK in the file', async () => {
    const lone = await analyzeSource('@Component\nstruct A {\n  f(x: number) { if (x === -20202) { this.g() } }\n  g() {}\n  build() { Column() {} }\n}', 'Lone.ets');
    assert.deepEqual(lone.references, []);
    const named = await analyzeSource('@Component\nstruct A {\n  f(errorCode: string) { if (errorCode === "-20202") { this.g() } }\n  g() {}\n  build() { Column() {} }\n}', 'Named.ets');
    assert.deepEqual(named.handlers.map((h) => [h.codes, `${h.product}/${h.platform}`, h.confidence]), [[[-20202], 'onelogin/harmonyos', 'medium']]);
  });

  for (const fixture of arktsFixtures()) {
    it(`parses ${fixture} with no ERROR node after the rewrite`, async () => {
      const text = readFixture(fixture);
      const source = rewrittenText(arktsSpec!.prepare!(text));
      assert.equal(source.length, text.length);
      assert.deepEqual(await parseErrors(source), []);
    });
  }

  it('needs the rewrite: the UI pages do not parse as plain TypeScript', async () => {
    for (const fixture of ['arkts/LoginPage.ets', 'arkts/Showcase.ets', 'arkts/CompleteLogin.ets']) {
      assert.notDeepEqual(await parseErrors(readFixture(fixture)), [], fixture);
    }
  });
});

describe('analysis: ArkTS negative corpus', () => {
  const negatives = arktsFixtures().filter((f) => f.startsWith('arkts/negative/'));

  it('has the look-alikes it should', () => {
    assert.deepEqual(negatives, [
      'arkts/negative/GeTuiLogin.ets',
      'arkts/negative/NetworkPage.ets',
      'arkts/negative/OracleReport.ets',
      'arkts/negative/RouterAdmin.ets',
      'arkts/negative/UniVerify.ets',
    ]);
  });

  for (const fixture of negatives) {
    it(`finds nothing in ${fixture}`, async () => {
      const { analysis } = await analyzeFixture(fixture);
      assert.deepEqual(analysis.references, []);
      assert.deepEqual(analysis.handlers, []);
      assert.deepEqual(analysis.findings, []);
    });
  }
});
