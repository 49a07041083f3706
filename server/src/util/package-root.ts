import { readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * The onelogin-codes package root, found from wherever the code runs: dist/*.js (one level below)
 * or server/src/<dir>/*.ts under tsx (three levels below).
 */
export function packageRoot(): string {
  for (const up of ['..', '../..', '../../..']) {
    const candidate = path.resolve(__dirname, up);
    try {
      const manifest = JSON.parse(readFileSync(path.join(candidate, 'package.json'), 'utf8')) as { name?: string };
      if (manifest.name === 'onelogin-codes') return candidate;
    } catch {
      // not the root: try the next level up
    }
  }
  throw new Error(`cannot find the onelogin-codes package root above ${__dirname}`);
}
