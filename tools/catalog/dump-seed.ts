/**
 * Prints the seed rows of one table, as a starting point for its curation file.
 *
 *   npx tsx tools/catalog/dump-seed.ts onelogin android
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { splitSeed } from './seed';

const [product, platform] = process.argv.slice(2);
const rows = splitSeed(readFileSync(path.join(__dirname, 'seed.txt'), 'utf8')).filter(
  (r) => (!product || r.product === product) && (!platform || r.platform === platform),
);
for (const row of rows) {
  console.log(`── ${row.product}/${row.platform} ${row.codeCell} (seed line ${row.line})`);
  console.log(row.text);
}
