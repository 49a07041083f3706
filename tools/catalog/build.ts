/**
 * Builds data/error-codes.json from the vendor document and the reviewed curation files.
 *
 *   npx tsx tools/catalog/build.ts          write data/error-codes.json
 *   npx tsx tools/catalog/build.ts --check  fail if the committed file differs from what would be built
 *
 * seed.ts finds each row and its raw text; a curation file per table (tools/catalog/curation/) splits that
 * text into description, cause and steps and adds the English, the category and notes. Every curated
 * Chinese text must be the seed's own text: the build compares them with layout removed and stops on
 * any difference, so the data cannot drift from the document by a typo.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CARRIERS,
  CATEGORIES,
  type Bilingual,
  type Carrier,
  type Category,
  type CatalogFile,
  type CodeRow,
  type CodeTable,
  type Platform,
  type Product,
} from '../../server/src/catalog/types';
import { validateCatalog } from '../../server/src/catalog/validate';
import { contentFingerprint, normalizeCellText } from './normalize';
import { splitSeed, TABLES, type SeedRow } from './seed';

const ROOT = path.resolve(__dirname, '../..');
const SEED = path.join(__dirname, 'seed.txt');
const CURATION_DIR = path.join(__dirname, 'curation');
const OUTPUT = path.join(ROOT, 'data/error-codes.json');
/** The vendor document's file name in the project's shared seeds, for provenance. */
const SEED_NAME = '000_7e1ae14598d8acf9.txt';

interface CuratedText {
  description: string;
  cause?: string | null;
  steps: string[];
}

interface CuratedRow {
  /** The code cell exactly as printed ("-8001/80001"). */
  code: string;
  name?: string | null;
  zh: CuratedText;
  en: CuratedText;
  category: Category;
  cascadesTo?: Carrier | null;
  sameHandlingAs?: number | null;
  notes?: Bilingual[];
  /** Our own advice for a row whose document text has no handling at all; marked in the data. */
  addedSteps?: Bilingual<string[]>;
  /** The PDF scrambled this row's word order: compare characters, not sequence. */
  seedOrder?: 'reordered';
}

interface CurationFile {
  product: Product;
  platform: Platform;
  title: Bilingual;
  rows: CuratedRow[];
}

class BuildErrors {
  readonly messages: string[] = [];
  add(where: string, message: string): void {
    this.messages.push(`${where}: ${message}`);
  }
}

export function curationPath(product: string, platform: string): string {
  return path.join(CURATION_DIR, `${product}.${platform}.json`);
}

export function buildCatalog(): { catalog: CatalogFile; errors: string[] } {
  const seedText = readFileSync(SEED, 'utf8');
  const seedRows = splitSeed(seedText);
  const errors = new BuildErrors();
  const tables: CodeTable[] = [];

  for (const spec of TABLES) {
    const tableId = `${spec.product}/${spec.platform}`;
    const file = curationPath(spec.product, spec.platform);
    if (!existsSync(file)) {
      errors.add(tableId, `no curation file ${path.relative(ROOT, file)}`);
      continue;
    }
    const curation = JSON.parse(readFileSync(file, 'utf8')) as CurationFile;
    const seedForTable = seedRows.filter((r) => r.product === spec.product && r.platform === spec.platform);
    tables.push(buildTable(curation, seedForTable, tableId, errors));
  }

  const catalog: CatalogFile = {
    $schema: './error-codes.schema.json',
    version: 1,
    source: { document: SEED_NAME, sha256: createHash('sha256').update(seedText).digest('hex') },
    tables,
  };
  return { catalog, errors: errors.messages };
}

function buildTable(curation: CurationFile, seedRows: SeedRow[], tableId: string, errors: BuildErrors): CodeTable {
  if (`${curation.product}/${curation.platform}` !== tableId) {
    errors.add(tableId, `curation file names ${curation.product}/${curation.platform}`);
  }
  const seedCodes = seedRows.map((r) => r.codeCell).join(' ');
  const curatedCodes = curation.rows.map((r) => r.code).join(' ');
  if (seedCodes !== curatedCodes) {
    errors.add(tableId, `codes differ from the seed\n  seed:    ${seedCodes}\n  curated: ${curatedCodes}`);
  }
  const rows = curation.rows.flatMap((row, i) => {
    const seed = seedRows[i];
    if (!seed || seed.codeCell !== row.code) return [];
    return [buildRow(row, seed, `${tableId}/${row.code}`, errors)];
  });
  return {
    product: curation.product,
    platform: curation.platform,
    title: { zh: normalizeCellText(curation.title.zh), en: curation.title.en.trim() },
    rows,
  };
}

function buildRow(row: CuratedRow, seed: SeedRow, where: string, errors: BuildErrors): CodeRow {
  const [code, ...aliases] = row.code.split('/').map(Number) as [number, ...number[]];
  checkAgainstSeed(row, seed, where, errors);

  const zh = cleanText(row.zh, cleanChinese);
  const en = cleanText(row.en, cleanEnglish);
  const notes = (row.notes ?? []).map((n) => ({ zh: normalizeCellText(n.zh), en: cleanEnglish(n.en) }));
  if (row.addedSteps) {
    zh.steps.push(...row.addedSteps.zh.map(cleanChinese));
    en.steps.push(...row.addedSteps.en.map(cleanEnglish));
    notes.push(ADDED_STEPS_NOTE);
  }
  if (zh.steps.length === 0) errors.add(where, 'no handling steps');
  if (zh.steps.length !== en.steps.length) {
    errors.add(where, `${zh.steps.length} Chinese steps but ${en.steps.length} English steps`);
  }
  if ((zh.cause === null) !== (en.cause === null)) errors.add(where, 'cause given in one language only');
  if (!en.description) errors.add(where, 'no English description');
  if (!CATEGORIES.includes(row.category)) errors.add(where, `unknown category "${row.category}"`);
  const cascadesTo = row.cascadesTo ?? null;
  if (cascadesTo !== null && !CARRIERS.includes(cascadesTo)) errors.add(where, `unknown carrier "${cascadesTo}"`);
  if ((cascadesTo !== null) !== (row.category === 'carrier-cascade')) {
    errors.add(where, 'cascadesTo and the carrier-cascade category go together');
  }

  return {
    id: `${seed.product}/${seed.platform}/${code}`,
    code,
    aliases,
    name: row.name ?? null,
    description: { zh: zh.description, en: en.description },
    cause: zh.cause !== null && en.cause !== null ? { zh: zh.cause, en: en.cause } : null,
    steps: { zh: zh.steps, en: en.steps },
    category: row.category,
    cascadesTo,
    sameHandlingAs: row.sameHandlingAs ?? null,
    notes,
    sourceLine: seed.line,
  };
}

const ADDED_STEPS_NOTE: Bilingual = {
  zh: '原文未给出处理方式，处理建议由本工具补充。',
  en: 'The document gives no handling for this code; the steps are ours.',
};

/** A field cut out of a longer sentence keeps no dangling separator ("联通取号失败，" → "联通取号失败"). */
function cleanChinese(text: string): string {
  return normalizeCellText(text).replace(/[，,；;、\s]+$/u, '');
}

function cleanEnglish(text: string): string {
  return text.trim().replace(/\s+/gu, ' ');
}

function cleanText(text: CuratedText, clean: (s: string) => string) {
  return {
    description: clean(text.description ?? ''),
    cause: text.cause ? clean(text.cause) : null,
    steps: (text.steps ?? []).map(clean).filter((s) => s !== ''),
  };
}

/** The curated Chinese, joined, must be the seed row's text: same characters, same order. */
function checkAgainstSeed(row: CuratedRow, seed: SeedRow, where: string, errors: BuildErrors): void {
  const curated = contentFingerprint(
    [row.name ?? '', row.zh.description, row.zh.cause ?? '', ...row.zh.steps].join(' '),
  );
  const expected = contentFingerprint(seed.text);
  const same =
    row.seedOrder === 'reordered'
      ? [...curated].sort().join('') === [...expected].sort().join('')
      : curated === expected;
  if (!same) {
    errors.add(where, `Chinese text is not the seed's (seed line ${seed.line})\n  seed:    ${expected}\n  curated: ${curated}`);
  }
}

function main(): void {
  const check = process.argv.includes('--check');
  const { catalog, errors } = buildCatalog();
  if (errors.length > 0) {
    console.error(`catalog build failed with ${errors.length} error(s):\n${errors.join('\n')}`);
    process.exit(1);
  }
  // The server trusts the committed file (see loadBundledCatalog): nothing unchecked gets written.
  validateCatalog(catalog, 'the built catalog');
  const json = `${JSON.stringify(catalog, null, 2)}\n`;
  if (check) {
    const current = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
    if (current !== json) {
      console.error('data/error-codes.json is not what tools/catalog/build.ts builds: run `npm run catalog:build`.');
      process.exit(1);
    }
    console.log('data/error-codes.json is up to date.');
    return;
  }
  writeFileSync(OUTPUT, json);
  const rows = catalog.tables.reduce((n, t) => n + t.rows.length, 0);
  console.log(`wrote ${path.relative(ROOT, OUTPUT)}: ${catalog.tables.length} tables, ${rows} rows`);
}

if (require.main === module) main();
