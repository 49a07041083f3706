/**
 * `npm start`: the main job on the bundled material. For now it explains a few real codes and a log
 * line through the built CLI, exactly as a user would run it.
 */
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const cli = path.resolve(__dirname, '../dist/cli.js');
const demos: string[][] = [
  ['explain', '-20202', '--product', 'onelogin', '--platform', 'android'],
  ['explain', 'GOPErrorSocketError'],
  ['explain', '--log', '{"status":500,"errorCode":"-40201","process_id":"6a1f…","metadata":{"code":"1001"}}'],
];

for (const args of demos) {
  console.log(`\n$ onelogin-codes ${args.map((a) => (/[\s"{]/u.test(a) ? `'${a}'` : a)).join(' ')}`);
  const { status } = spawnSync(process.execPath, [cli, ...args], { stdio: 'inherit' });
  if (status !== 0) process.exit(status ?? 1);
}
