/** The CLI's explain and catalog commands, run from dist/cli.js as a user or another tool would. */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { PublicRow } from '../../server/src/catalog/public-row';
import { CATALOG_FILE } from '../support/paths';
import { runCli } from '../support/run-cli';

describe('cli: explain <code>', () => {
  it('prints the card in English with the numbered steps', () => {
    const { status, stdout, stderr } = runCli(['explain', '-20202', '--product', 'onelogin', '--platform', 'android', '--lang', 'en']);
    assert.equal(stderr, '');
    assert.equal(status, 0);
    assert.match(stdout, /^-20202 {2}OneLogin \(app\) · Android {2}OneLogin Android SDK return codes\n/u);
    assert.match(stdout, /\n {2}What to do:\n {4}1\. Turn on mobile data and retry\.\n/u);
    assert.doesNotMatch(stdout, /\u001b\[/u, 'no colour when stdout is not a TTY');
  });

  it('prints the card in Chinese with --lang zh, and follows LANG with auto', () => {
    const zh = runCli(['explain', '12008', '--lang', 'zh']);
    assert.equal(zh.status, 0);
    assert.match(zh.stdout, /^12008 {2}APP 一键登录 \(OneLogin\) · 服务端/u);
    assert.match(zh.stdout, /处理方式：\n {4}1\. 按文档要求传参/u);
    const auto = runCli(['explain', '12008'], { env: { LANG: 'zh_CN.UTF-8' } });
    assert.equal(auto.stdout, zh.stdout);
  });

  it('lists every meaning of an ambiguous code, best first for the context', () => {
    const { status, stdout } = runCli(['explain', '-20301', '--product', 'onepass', '--platform', 'ios', '--lang', 'en']);
    assert.equal(status, 0);
    const [best, others] = stdout.split('Other meanings of this number:');
    assert.match(best!, /^-20301 {2}OnePass \(app\) · iOS/u);
    assert.match(best!, /SDK constant: GOPErrorInvalidPhoneNumber/u);
    assert.match(others!, /-20301 {2}OneLogin \(app\) · Android: /u);
    assert.match(others!, /-20301 {2}OneLogin \(app\) · HarmonyOS: /u);
  });

  it('shows the carrier table behind a cascading code', () => {
    const { stdout } = runCli(['explain', '-40101', '--product', 'onelogin', '--platform', 'android', '--lang', 'en']);
    assert.match(stdout, /China Mobile \(CMCC\)'s own code, in the result's metadata as resultCode/u);
    assert.match(stdout, /\n {4}103111 {2}/u);
  });

  it('explains an SDK constant by name', () => {
    const { status, stdout } = runCli(['explain', 'GOPErrorSocketError', '--lang', 'en']);
    assert.equal(status, 0);
    assert.match(stdout, /^-39901 {2}OnePass \(app\) · iOS/u);
  });

  it('finds a Telecom code by its alias', () => {
    const { status, stdout } = runCli(['explain', '80004', '--lang', 'en']);
    assert.equal(status, 0);
    assert.match(stdout, /^-8100 \/ 80004 {2}Carrier · China Telecom \(CTCC\)/u);
  });

  it('exits 1 for an unknown code and suggests near misses', () => {
    const { status, stdout } = runCli(['explain', '-20209', '--lang', 'en']);
    assert.equal(status, 1);
    assert.match(stdout, /^No error code -20209 in the catalog\nDid you mean: -20208, /u);
  });

  it('exits 1 for an unknown SDK constant', () => {
    const { status, stderr } = runCli(['explain', 'GOPErrorNope']);
    assert.equal(status, 1);
    assert.match(stderr, /No SDK constant named GOPErrorNope/u);
  });

  it('says when a code is not in the requested table', () => {
    const { status, stdout } = runCli(['explain', '-20402', '--product', 'onelogin', '--platform', 'android', '--lang', 'en']);
    assert.equal(status, 0);
    assert.match(stdout, /^Code -20402 is not in onelogin\/android; it appears in:\n\n-20402 {2}OneLogin \(app\) · iOS/u);
  });

  it('prints JSON candidates with --json', () => {
    const { status, stdout } = runCli(['explain', '-20301', '--product', 'onelogin', '--json']);
    assert.equal(status, 0);
    const json = JSON.parse(stdout) as { code: number; candidates: (PublicRow & { score: number })[] };
    assert.equal(json.code, -20301);
    assert.equal(json.candidates[0]?.product, 'onelogin');
    assert.equal(json.candidates.at(-1)?.id, 'onepass/ios/-20301');
    assert.equal(typeof json.candidates[0]?.description.en, 'string');
  });

  for (const [args, message] of [
    [['explain'], /missing the code to explain/u],
    [['explain', '-20202', '-20203'], /explain takes one code/u],
    [['explain', '12ab'], /"12ab" is not an error code/u],
    [['explain', '-20202', '--product', 'onelog'], /--product must be one of onelogin, onepass, onelogin-h5, onepass-h5, carrier; got "onelog"/u],
    [['explain', '-20202', '--platform', 'windows'], /--platform must be one of/u],
    [['explain', '-20202', '--lang', 'fr'], /--lang must be zh, en or auto, not "fr"/u],
    [['explain', '-20202', '--colour'], /Unknown option '--colour'/u],
    [['explain', '-20202', '--log', 'x'], /give either a code or --log, not both/u],
  ] as const) {
    it(`exits 2 with a clear message: ${args.join(' ')}`, () => {
      const { status, stdout, stderr } = runCli(args);
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.match(stderr, message);
      assert.match(stderr, /Run 'onelogin-codes explain --help' for usage\./u);
    });
  }
});

describe('cli: explain --log', () => {
  it('explains the SDK code and the carrier code found in a result JSON', () => {
    const log = '{"status":500,"errorCode":"-40201","metadata":{"resultCode":"","code":"1001"}}';
    const { status, stdout } = runCli(['explain', '--log', log, '--lang', 'en']);
    assert.equal(status, 0);
    assert.match(stdout, /^SDK code \(errorCode\)\n-40201 {2}OneLogin \(app\) · Android/u);
    assert.match(stdout, /\n\nCarrier code \(code\)\n1001 {2}Carrier · China Unicom \(CUCC\)/u);
  });

  it('explains key=value log lines', () => {
    const { status, stdout } = runCli(['explain', '--log', 'errorCode=-40101 resultCode=103111', '--lang', 'en']);
    assert.equal(status, 0);
    assert.match(stdout, /Carrier code \(resultCode\)\n103111 {2}Carrier · China Mobile \(CMCC\)/u);
  });

  it('reads the log from standard input with --log -', () => {
    const { status, stdout } = runCli(['explain', '--log', '-', '--lang', 'en'], { input: 'E/OneLogin: errorCode=-20303\n' });
    assert.equal(status, 0);
    assert.match(stdout, /^SDK code \(errorCode\)\n-20303 /u);
  });

  it('points at the missing carrier code of a cascading code', () => {
    const { stdout } = runCli(['explain', '--log', 'errorCode=-40301', '--lang', 'en']);
    assert.match(stdout, /-40301 is a cascading code, but the log holds no carrier code \(result in the result's metadata\)\./u);
  });

  it('prints both codes as JSON', () => {
    const { stdout } = runCli(['explain', '--log', 'errorCode=-40302 result=-8100', '--json']);
    const json = JSON.parse(stdout) as { sdk: { code: number }; carrier: { candidates: PublicRow[] } };
    assert.equal(json.sdk.code, -40302);
    assert.equal(json.carrier.candidates[0]?.id, 'carrier/ctcc/-8100');
  });

  it('exits 1 when the log holds no code', () => {
    const { status, stdout } = runCli(['explain', '--log', 'something went wrong', '--lang', 'en']);
    assert.equal(status, 1);
    assert.match(stdout, /No error code found in the log text/u);
  });
});

describe('cli: catalog', () => {
  it('prints every row as JSON in the public format: 272 rows, 277 codes', () => {
    const { status, stdout } = runCli(['catalog', '--json']);
    assert.equal(status, 0);
    const rows = JSON.parse(stdout) as PublicRow[];
    assert.equal(rows.length, 272);
    assert.equal(rows.reduce((n, r) => n + 1 + r.aliases.length, 0), 277);
    const keys = ['id', 'product', 'platform', 'code', 'aliases', 'name', 'description', 'cause', 'steps', 'category', 'cascadesTo', 'sameHandlingAs', 'notes', 'sourceLine'];
    for (const row of rows) {
      assert.deepEqual(Object.keys(row), keys);
      assert.equal(typeof row.code, 'number');
      assert.ok(row.steps.zh.length > 0 && row.steps.en.length === row.steps.zh.length);
    }
    assert.deepEqual([...new Set(rows.map((r) => r.product))], ['onelogin', 'onepass', 'onelogin-h5', 'onepass-h5', 'carrier']);
  });

  it('filters by product and platform', () => {
    const rows = JSON.parse(runCli(['catalog', '--json', '--product', 'carrier', '--platform', 'ctcc']).stdout) as PublicRow[];
    assert.equal(rows.length, 14);
    assert.ok(rows.every((r) => r.platform === 'ctcc'));
  });

  it('prints a readable list per table', () => {
    const { status, stdout } = runCli(['catalog', '--product', 'onepass', '--platform', 'ios', '--lang', 'en']);
    assert.equal(status, 0);
    assert.match(stdout, /^OnePass \(app\) · iOS {2}OnePass iOS SDK return codes \(10\)\n {2}-20301 {6}The phone number/u);
  });

  it('reports a corrupt catalog file naming the row and field, with exit code 2', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onelogin-codes-'));
    const data = JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as { tables: { rows: { description: unknown }[] }[] };
    data.tables[3]!.rows[4]!.description = { zh: '说明' };
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(data));
    const { status, stderr } = runCli(['catalog', '--catalog', file]);
    assert.equal(status, 2);
    assert.match(stderr, /is not a valid error-code catalog:\n {2}table onelogin\/harmonyos, row -20501, field description: must have required property 'en'/u);
  });

  it('reports a catalog file that is not JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onelogin-codes-'));
    const file = path.join(dir, 'broken.json');
    writeFileSync(file, '{"tables": [');
    const { status, stderr } = runCli(['explain', '-20202', '--catalog', file]);
    assert.equal(status, 2);
    assert.match(stderr, /cannot read the error-code catalog .*broken\.json: /u);
  });
});

describe('cli: help and usage', () => {
  it('prints the command list with --help and exits 0', () => {
    const { status, stdout } = runCli(['--help']);
    assert.equal(status, 0);
    assert.match(stdout, /Usage: onelogin-codes <command> \[options\]/u);
    assert.match(stdout, /\n {2}explain +Show the card/u);
    assert.match(stdout, /\n {2}catalog +List every code/u);
  });

  for (const command of ['explain', 'catalog']) {
    it(`prints ${command} --help`, () => {
      const { status, stdout } = runCli([command, '--help']);
      assert.equal(status, 0);
      assert.match(stdout, new RegExp(`^Usage:\\n {2}onelogin-codes ${command} `, 'u'));
    });
  }

  it('exits 2 without a command, and for an unknown one', () => {
    assert.equal(runCli([]).status, 2);
    const unknown = runCli(['explian']);
    assert.equal(unknown.status, 2);
    assert.match(unknown.stderr, /unknown command "explian"/u);
  });

  it('prints the version', () => {
    const { status, stdout } = runCli(['--version']);
    assert.equal(status, 0);
    assert.match(stdout, /^\d+\.\d+\.\d+\n$/u);
  });
});
