/**
 * Runs in VS Code's extension host (code-server, driven by tools/e2e/shim.ts): mocha over the built
 * suite files beside this one. Results also go to ONELOGIN_E2E_RESULTS as JSON, so the outer test run
 * (test/e2e/vscode.test.ts) can report each test.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';

export interface E2ETestResult {
  readonly title: string;
  readonly state: 'passed' | 'failed' | 'pending';
  readonly duration: number;
  readonly error?: string;
}

export function run(): Promise<void> {
  const grep = process.env.ONELOGIN_E2E_GREP;
  const mocha = new Mocha({ ui: 'bdd', timeout: 60_000, color: false, reporter: 'spec', ...(grep ? { grep } : {}) });
  const suiteDir = path.join(__dirname, 'suite');
  for (const file of readdirSync(suiteDir).filter((f) => f.endsWith('.e2e.js')).sort()) mocha.addFile(path.join(suiteDir, file));
  const results: E2ETestResult[] = [];
  const save = () => {
    const target = process.env.ONELOGIN_E2E_RESULTS;
    if (target) writeFileSync(target, JSON.stringify(results, null, 2));
  };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      save();
      if (failures > 0) reject(new Error(`${failures} end-to-end tests failed`));
      else resolve();
    });
    runner.on('pass', (test) => results.push({ title: test.fullTitle(), state: 'passed', duration: test.duration ?? 0 }));
    runner.on('pending', (test) => results.push({ title: test.fullTitle(), state: 'pending', duration: 0 }));
    runner.on('fail', (test, error: Error) =>
      results.push({ title: test.fullTitle(), state: 'failed', duration: test.duration ?? 0, error: error.stack ?? error.message }),
    );
  });
}
