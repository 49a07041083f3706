import * as path from 'node:path';

export const ROOT = path.resolve(__dirname, '../..');
export const CATALOG_FILE = path.join(ROOT, 'data/error-codes.json');
export const CLI = path.join(ROOT, 'dist/cli.js');
