import * as path from 'node:path';
import { packageRoot } from '../../server/src/util/package-root';

/** The repository root, found the same way the server finds it (this file also runs bundled in out/). */
export const ROOT = packageRoot();
export const CATALOG_FILE = path.join(ROOT, 'data/error-codes.json');
export const CLI = path.join(ROOT, 'dist/cli.js');
