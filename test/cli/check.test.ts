/** `onelogin-codes check`: walking, exit codes and the three output formats (SARIF checked against its schema). */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { ROOT } from '../support/paths';
import { runCli } from '../support/run-cli';

const FIXTURES = 'test/fixtures/typescript';

interface JsonReport {
  files: {
    path: string;
    language: string;
    references: { line: number; column: number; endLine: number; endColumn: number; code: number; text: string; product: string; platform: string }[];
    diagnostics: { line: number; column: number; endLine: number; endColumn: number; rule: string; severity: string; message: string }[];
  }[];
  skipped: { path: string; reason: string }[];
}

function project(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'onelogin-check-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const CARELESS = `import { OneLoginHelper } from '@geetest/onelogin';
// 回调 🚀 then the code: if (errorCode === "-40101")
export function onResult(errorCode: string) {
  if (errorCode === "-40101") { toast('移动失败'); } else { toast('失败'); }
}
declare function toast(m: string): void;
`;

describe('cli: check', () => {
  it('prints findings per file and exits 1 when there are any', () => {
    const { status, stdout } = runCli(['check', FIXTURES, '--lang', 'en']);
    assert.equal(status, 1);
    assert.match(stdout, /^test\/fixtures\/typescript\/app-bridge\.ts\n {2}15:23 {4}warning {6}This handler deals with -40101 \(China Mobile\)/u);
    assert.match(stdout, /\n {2}19:10 {4}warning {6}10301 is not a OneLogin H5 \(OneLoginAPI\) Web code\. Did you mean 10031\? {2}unknown-code\n/u);
    assert.match(stdout, /Checked 3 files: 5 handlers, 19 code references, 3 findings in 2 files\.\n$/u);
  });

  it('exits 0 on clean code', () => {
    const dir = project({ 'a.ts': 'export const answer = 42;\n' });
    const { status, stdout } = runCli(['check', dir, '--lang', 'en']);
    assert.equal(status, 0);
    assert.match(stdout, /^Checked 1 files: 0 handlers, 0 code references, 0 findings in 0 files\.\n$/u);
  });

  it('reports 1-based UTF-16 positions in JSON, every reference included', () => {
    const dir = project({ 'src/login.ts': CARELESS });
    const { status, stdout } = runCli(['check', dir, '--format', 'json', '--lang', 'en'], {});
    assert.equal(status, 1);
    const report = JSON.parse(stdout) as JsonReport;
    assert.equal(report.files.length, 1);
    const [file] = report.files;
    assert.match(file!.path, /src\/login\.ts$/u);
    assert.equal(file!.language, 'typescript');
    assert.deepEqual(file!.references, [
      { line: 4, column: 21, endLine: 4, endColumn: 29, code: -40101, text: '"-40101"', product: 'onelogin', platform: 'android' },
    ]);
    assert.deepEqual(file!.diagnostics.map((d) => [d.rule, d.severity, d.line, d.column, d.endColumn]), [
      ['cascade-carriers', 'warning', 4, 21, 29],
      ['cascade-subcodes', 'information', 4, 21, 29],
    ]);
  });

  it('writes SARIF 2.1.0 that validates against the schema, with rule help', () => {
    const schema = JSON.parse(
      readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'),
    ) as object;
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const { status, stdout } = runCli(['check', FIXTURES, '--format', 'sarif', '--lang', 'en']);
    assert.equal(status, 1);
    const sarif = JSON.parse(stdout) as {
      version: string;
      runs: { tool: { driver: { rules: { id: string; helpUri: string; help: { text: string } }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[];
    };
    assert.ok(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3)));
    assert.equal(sarif.version, '2.1.0');
    assert.deepEqual(sarif.runs[0]!.tool.driver.rules.map((r) => r.id), ['cascade-carriers', 'cascade-subcodes', 'unknown-code']);
    for (const rule of sarif.runs[0]!.tool.driver.rules) {
      assert.match(rule.helpUri, /\/docs\/rules\/[a-z-]+\.md$/u);
      assert.ok(rule.help.text.length > 40);
    }
    assert.deepEqual(
      sarif.runs[0]!.results.map((r) => [r.ruleId, r.level, r.locations[0]!.physicalLocation.region.startLine]),
      [
        ['cascade-carriers', 'warning', 15],
        ['cascade-subcodes', 'note', 17],
        ['unknown-code', 'warning', 19],
      ],
    );
  });

  it('skips node_modules, build folders, .gitignore entries, large and binary files', () => {
    const dir = project({
      '.gitignore': 'generated/\n*.gen.ts\n',
      'src/login.ts': CARELESS,
      'node_modules/sdk/index.ts': CARELESS,
      'build/out.ts': CARELESS,
      'generated/login.ts': CARELESS,
      'src/login.gen.ts': CARELESS,
      'src/big.ts': `${CARELESS}${'// padding\n'.repeat(20000)}`,
      'src/blob.ts': Buffer.from([0x63, 0x6f, 0x00, 0x64, 0x65]),
    });
    const { stdout } = runCli(['check', dir, '--format', 'json', '--max-file-size', '100000']);
    const report = JSON.parse(stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => path.basename(f.path)), ['login.ts']);
    assert.deepEqual(
      report.skipped.map((s) => [path.basename(s.path), s.reason.replace(/\(\d+\)/u, '(N)')]),
      [
        ['big.ts', 'larger than 100000 bytes (N)'],
        ['blob.ts', 'binary file'],
      ],
    );
    const all = JSON.parse(runCli(['check', dir, '--format', 'json', '--no-gitignore']).stdout) as JsonReport;
    assert.deepEqual(all.files.map((f) => path.relative(dir, f.path)).sort(), ['generated/login.ts', 'src/big.ts', 'src/login.gen.ts', 'src/login.ts']);
  });

  it('skips a 50 MB file without reading it', () => {
    const dir = project({ 'src/login.ts': CARELESS });
    writeFileSync(path.join(dir, 'src/generated.ts'), Buffer.alloc(50 * 1024 * 1024, 0x20));
    const report = JSON.parse(runCli(['check', dir, '--format', 'json']).stdout) as JsonReport;
    assert.deepEqual(report.files.map((f) => path.basename(f.path)), ['login.ts']);
    assert.deepEqual(report.skipped.map((s) => [path.basename(s.path), s.reason]), [['generated.ts', 'larger than 1048576 bytes (52428800)']]);
  });

  it('applies --product and --platform', () => {
    const dir = project({ 'a.ts': 'if (errorCode === "-20301") { back(); }\n' });
    const report = JSON.parse(runCli(['check', dir, '--format', 'json', '--product', 'onepass', '--platform', 'ios']).stdout) as JsonReport;
    assert.deepEqual(report.files[0]!.references.map((r) => [r.code, r.product, r.platform]), [[-20301, 'onepass', 'ios']]);
  });

  for (const [args, message] of [
    [['check', '--format', 'xml'], /--format must be text, json or sarif, not "xml"/u],
    [['check', 'no/such/folder'], /no such file or folder: no\/such\/folder/u],
    [['check', '--max-file-size', 'lots'], /--max-file-size must be a positive whole number of bytes/u],
    [['check', '--json'], /use --format json/u],
  ] as const) {
    it(`exits 2 with a clear message: ${args.join(' ')}`, () => {
      const { status, stderr } = runCli(args);
      assert.equal(status, 2);
      assert.match(stderr, message);
    });
  }

  it('prints check --help', () => {
    const { status, stdout } = runCli(['check', '--help']);
    assert.equal(status, 0);
    assert.match(stdout, /^Usage:\n {2}onelogin-codes check \[paths…\]/u);
  });
});
