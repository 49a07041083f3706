/**
 * Real editors against the built server: Neovim's built-in client and Emacs's eglot start
 * `node dist/server.js --stdio` on a Java file, show its diagnostics and a hover. The fixture has CJK
 * text and an emoji before the code on the same line, so each editor's own column unit (bytes in
 * Neovim, characters in Emacs) proves the server's UTF-16 positions were converted right.
 * .ci/run installs both editors from Debian's packages.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../support/paths';

const FIXTURE = path.join(ROOT, 'test/fixtures/editors/Login.java');
const TEXT = readFileSync(FIXTURE, 'utf8');
const LINES = TEXT.split('\n');

/** 1-based line of `needle`, and the text before it on that line. */
function locate(needle: string): { line: number; before: string } {
  const index = LINES.findIndex((l) => l.includes(needle));
  assert.ok(index >= 0, needle);
  return { line: index + 1, before: LINES[index]!.slice(0, LINES[index]!.indexOf(needle)) };
}

function run(command: string, args: string[], env: Record<string, string>): string {
  const home = mkdtempSync(path.join(tmpdir(), 'onelogin-editor-'));
  const result = spawnSync('timeout', ['-k', '5', '90', command, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: '',
    env: {
      PATH: process.env.PATH ?? '',
      HOME: home,
      XDG_CONFIG_HOME: path.join(home, 'config'),
      XDG_DATA_HOME: path.join(home, 'data'),
      XDG_STATE_HOME: path.join(home, 'state'),
      XDG_CACHE_HOME: path.join(home, 'cache'),
      ONELOGIN_ROOT: ROOT,
      ...env,
    },
  });
  if (result.error) throw new Error(`${command} could not run (${result.error.message}); .ci/run installs it with apt-get`);
  assert.equal(result.status, 0, `${command} failed:\n${result.stderr}\n${result.stdout}`);
  return result.stdout;
}

const cancel = locate('"-20301"');
const cmcc = locate('"-40101"');

describe('editors: the server in real clients', () => {
  it('Neovim shows the diagnostics at the right byte columns and a hover', () => {
    const output = run('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(ROOT, 'test/editors/check.lua'), FIXTURE], {
      HOVER_LINE: String(cancel.line),
      HOVER_COL: String(Buffer.byteLength(cancel.before) + 2),
    });
    const start = Buffer.byteLength(cmcc.before);
    assert.deepEqual(output.split('\n').filter((l) => l.startsWith('DIAGNOSTIC')), [
      `DIAGNOSTIC ${cmcc.line}:${start}-${cmcc.line}:${start + 8} cascade-carriers onelogin-codes`,
      `DIAGNOSTIC ${cmcc.line}:${start}-${cmcc.line}:${start + 8} cascade-subcodes onelogin-codes`,
    ]);
    assert.match(output, /^HOVER \*\*-20301\*\* · OneLogin \(app\) · Android$/mu);
  });

  it('Emacs (eglot + flymake) shows the diagnostics at the right characters and a hover', () => {
    const output = run('emacs', ['-Q', '--batch', '-l', path.join(ROOT, 'test/editors/check.el'), FIXTURE], {
      HOVER_LINE: String(cancel.line),
      HOVER_COL: String([...cancel.before].length + 2),
    });
    const column = [...cmcc.before].length;
    assert.deepEqual(output.split('\n').filter((l) => l.startsWith('DIAGNOSTIC')).sort(), [
      `DIAGNOSTIC ${cmcc.line}:${column} cascade-carriers onelogin-codes`,
      `DIAGNOSTIC ${cmcc.line}:${column} cascade-subcodes onelogin-codes`,
    ]);
    assert.match(output, /^HOVER \*\*-20301\*\* · OneLogin \(app\) · Android$/mu);
  });
});
