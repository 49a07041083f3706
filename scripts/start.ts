/**
 * `npm start`: the main job on the bundled examples. Runs the built CLI as a user would: `check` over
 * examples/ (its findings are the demo, so their exit code 1 is expected), then the hover-style card
 * of the first code a finding points at.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const root = path.resolve(__dirname, '..');
const cli = path.join(root, 'dist', 'cli.js');

function run(args: string[], capture = false): { status: number | null; stdout: string } {
  console.log(`\n$ onelogin-codes ${args.join(' ')}`);
  const result = spawnSync(process.execPath, [cli, ...args], { cwd: root, stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit', encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout ?? '' };
}

const check = run(['check', 'examples']);
if (check.status !== 0 && check.status !== 1) process.exit(check.status ?? 2);

const report = JSON.parse(
  spawnSync(process.execPath, [cli, 'check', 'examples', '--format', 'json'], { cwd: root, encoding: 'utf8' }).stdout,
) as { files: { references: Located[]; diagnostics: (Located & { rule: string })[] }[] };
interface Located {
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly product: string;
  readonly platform: string;
}
const file = report.files.find((f) => f.diagnostics.some((d) => d.rule === 'cascade-carriers'));
const finding = file?.diagnostics.find((d) => d.rule === 'cascade-carriers');
const reference = file?.references.find((r) => r.line === finding?.line && r.column === finding.column);
if (reference) {
  const card = run(['explain', String(reference.code), '--product', reference.product, '--platform', reference.platform]);
  process.exit(card.status === 0 ? 0 : card.status ?? 2);
}
