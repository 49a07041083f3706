/**
 * Runs the end-to-end tests (test/e2e/suite/*.e2e.ts) in real VS Code: builds them for the extension
 * host, copies the fixtures into a scratch workspace, and hands everything to @vscode/test-electron with
 * tools/e2e/shim.ts as the "VS Code executable" (code-server + headless Chromium; tools/e2e/install.sh
 * installs both). One code-server run holds every e2e test.
 *
 *   npx tsx tools/e2e/run.ts [--extension DIR] [--screenshots DIR] [--grep TEXT] [--verbose]
 *
 * --extension: the extension to test (default: this repository; test/e2e/vscode.test.ts passes the
 * folder code-server installed from the .vsix). --screenshots: keep the screenshots the tests take.
 */
import { spawn } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import * as esbuild from 'esbuild';

export const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'out', 'e2e');

/** The fixture folders the tests open (copied, so that applied fixes never touch test/fixtures). */
const FIXTURE_DIRS = ['typescript', 'java', 'kotlin', 'swift', 'objc', 'arkts'];

export interface E2EOptions {
  readonly extensionPath?: string;
  readonly screenshots?: string;
  readonly verbose?: boolean;
  readonly timeoutSeconds?: number;
  /** Only the e2e tests whose full title matches. */
  readonly grep?: string;
}

export interface E2ETestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly duration: number;
  readonly error?: string;
}

export interface E2EResult {
  readonly exitCode: number;
  readonly seconds: number;
  readonly tests: readonly E2ETestResult[];
}

/** Builds the extension-host side (index + suites) and the shim into out/e2e. */
export async function buildE2E(): Promise<{ index: string; shim: string }> {
  rmSync(OUT, { recursive: true, force: true });
  const suiteDir = path.join(ROOT, 'test', 'e2e', 'suite');
  const suites = readdirSync(suiteDir).filter((f) => f.endsWith('.e2e.ts'));
  const common: esbuild.BuildOptions = {
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    logLevel: 'warning',
    packages: 'external',
    external: ['vscode'],
  };
  await esbuild.build({
    ...common,
    entryPoints: [path.join(ROOT, 'test', 'e2e', 'index.ts'), ...suites.map((f) => path.join(suiteDir, f))],
    outbase: path.join(ROOT, 'test', 'e2e'),
    outdir: OUT,
  });
  const shim = path.join(OUT, 'shim.js');
  await esbuild.build({ ...common, entryPoints: [path.join(ROOT, 'tools', 'e2e', 'shim.ts')], outfile: shim, banner: { js: '#!/usr/bin/env node' } });
  chmodSync(shim, 0o755);
  return { index: path.join(OUT, 'index.js'), shim };
}

export async function runE2E(options: E2EOptions = {}): Promise<E2EResult> {
  const started = Date.now();
  const { index, shim } = await buildE2E();
  const scratch = mkdtempSync(path.join(tmpdir(), 'onelogin-e2e-run-'));
  try {
    const workspace = path.join(scratch, 'workspace');
    for (const dir of FIXTURE_DIRS) cpSync(path.join(ROOT, 'test', 'fixtures', dir), path.join(workspace, dir), { recursive: true });
    // What the CLI reports for every fixture: the tests' expectations, computed while VS Code starts.
    const expected = path.join(scratch, 'expected.json');
    const cli = expectFromCli(workspace, expected);
    const bridge = path.join(scratch, 'bridge');
    mkdirSync(bridge);
    const results = path.join(scratch, 'results.json');
    let exitCode = 0;
    try {
      await runTests({
        vscodeExecutablePath: shim,
        extensionDevelopmentPath: options.extensionPath ?? ROOT,
        extensionTestsPath: index,
        launchArgs: [workspace],
        extensionTestsEnv: {
          ONELOGIN_E2E_RESULTS: results,
          ONELOGIN_E2E_EXPECTED: expected,
          ONELOGIN_E2E_BRIDGE: bridge,
          ONELOGIN_E2E_REPO: ROOT,
          ...(options.screenshots ? { ONELOGIN_E2E_SHOTS: path.resolve(options.screenshots) } : {}),
          ...(options.verbose ? { ONELOGIN_E2E_VERBOSE: '1' } : {}),
          ...(options.grep ? { ONELOGIN_E2E_GREP: options.grep } : {}),
          ...(options.timeoutSeconds ? { ONELOGIN_E2E_TIMEOUT: String(options.timeoutSeconds) } : {}),
        },
      });
    } catch (error) {
      exitCode = (error as { code?: number }).code ?? 1;
    }
    await cli;
    const tests = existsSync(results) ? (JSON.parse(readFileSync(results, 'utf8')) as E2ETestResult[]) : [];
    return { exitCode, seconds: (Date.now() - started) / 1000, tests };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * Runs `dist/cli.js check` over the workspace into `target` (the file appears complete or not at all);
 * its paths are relative to the workspace.
 * Exit 1 means findings, not failure.
 */
function expectFromCli(workspace: string, target: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'dist', 'cli.js'), 'check', '.', '--format', 'json'], {
      cwd: workspace,
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, NO_COLOR: '1' },
    });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0 && code !== 1) return reject(new Error(`dist/cli.js check exited with ${code}`));
      writeFileSync(`${target}.part`, Buffer.concat(chunks));
      renameSync(`${target}.part`, target);
      resolve();
    });
  });
}

if (require.main === module) {
  const args = process.argv.slice(2);
  const value = (name: string) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  runE2E({ extensionPath: value('--extension'), screenshots: value('--screenshots'), grep: value('--grep'), verbose: args.includes('--verbose') })
    .then((result) => {
      for (const t of result.tests) console.log(`${t.state === 'passed' ? '✔' : t.state === 'failed' ? '✘' : '-'} ${t.title} (${t.duration} ms)`);
      const failed = result.tests.filter((t) => t.state === 'failed');
      for (const t of failed) console.log(`\nFAILED ${t.title}\n${t.error}`);
      console.log(`e2e: ${result.tests.length - failed.length} passed, ${failed.length} failed in ${result.seconds.toFixed(1)} s (exit ${result.exitCode})`);
      process.exit(result.exitCode === 0 && failed.length === 0 && result.tests.length > 0 ? 0 : 1);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
