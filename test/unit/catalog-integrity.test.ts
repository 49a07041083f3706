/**
 * The catalog against the vendor document: every table complete, every row well formed, the text
 * normalised, and data/error-codes.json exactly what the build produces from the seed and curation.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { loadCatalogFile } from '../../server/src/catalog/catalog';
import type { CatalogFile, CodeRow } from '../../server/src/catalog/types';
import { validateCatalog } from '../../server/src/catalog/validate';
import { buildCatalog } from '../../tools/catalog/build';
import { CATALOG_FILE } from '../support/paths';

/** Codes per table, counting each Telecom alias pair as two codes (issue 3 and the document). */
const EXPECTED_CODES: Record<string, number> = {
  'onelogin/server': 23,
  'onelogin/android': 24,
  'onelogin/ios': 23,
  'onelogin/harmonyos': 24,
  'onepass/server': 18,
  'onepass/android': 20,
  'onepass/ios': 10,
  'onepass/harmonyos': 20,
  'onelogin-h5/server': 13,
  'onelogin-h5/web': 17,
  'onelogin-h5/miniprogram': 10,
  'onepass-h5/server': 16,
  'onepass-h5/web': 10,
  'onepass-h5/miniprogram': 7,
  'carrier/cmcc': 12,
  'carrier/cucc': 11,
  'carrier/ctcc': 19,
};

const raw = readFileSync(CATALOG_FILE, 'utf8');
const file = JSON.parse(raw) as CatalogFile;
const catalog = loadCatalogFile(CATALOG_FILE);
const allRows: { table: string; row: CodeRow }[] = file.tables.flatMap((t) =>
  t.rows.map((row) => ({ table: `${t.product}/${t.platform}`, row })),
);

function textsOf(row: CodeRow): string[] {
  return [
    row.description.zh,
    row.description.en,
    row.cause?.zh ?? '',
    row.cause?.en ?? '',
    ...row.steps.zh,
    ...row.steps.en,
    ...row.notes.flatMap((n) => [n.zh, n.en]),
  ];
}

describe('catalog integrity', () => {
  it('has the 17 tables of the document, in its order, with their code counts', () => {
    const counts = Object.fromEntries(
      file.tables.map((t) => [`${t.product}/${t.platform}`, t.rows.reduce((n, r) => n + 1 + r.aliases.length, 0)]),
    );
    assert.deepEqual(counts, EXPECTED_CODES);
    assert.deepEqual(Object.keys(counts), Object.keys(EXPECTED_CODES));
  });

  it('holds 272 rows and 277 codes', () => {
    assert.equal(allRows.length, 272);
    assert.equal(allRows.reduce((n, { row }) => n + 1 + row.aliases.length, 0), 277);
  });

  it('has no duplicate (table, code), counting aliases', () => {
    const seen = new Set<string>();
    for (const { table, row } of allRows) {
      for (const code of [row.code, ...row.aliases]) {
        const key = `${table}/${code}`;
        assert.ok(!seen.has(key), `duplicate ${key}`);
        seen.add(key);
      }
    }
  });

  it('resolves every alias, cascade target and same-handling reference', () => {
    for (const { table, row } of allRows) {
      for (const alias of row.aliases) {
        assert.ok(catalog.lookup(alias).some((c) => c.entry.row.id === row.id), `${table}/${row.code}: alias ${alias}`);
      }
      if (row.cascadesTo) assert.ok(catalog.carrierTable(row.cascadesTo), `${table}/${row.code} → ${row.cascadesTo}`);
      if (row.sameHandlingAs !== null) {
        const [product, platform] = table.split('/') as [never, never];
        assert.ok(catalog.table(product, platform)!.rows.some((r) => r.code === row.sameHandlingAs || r.aliases.includes(row.sameHandlingAs!)));
      }
    }
  });

  it('has exactly the six cascading codes per app table that the document names', () => {
    const cascading = allRows.filter(({ row }) => row.cascadesTo !== null);
    for (const { table, row } of cascading) {
      const carrier = { '-401': 'cmcc', '-402': 'cucc', '-403': 'ctcc' }[String(row.code).slice(0, 4)];
      assert.equal(row.cascadesTo, carrier, `${table}/${row.code}`);
      assert.equal(row.category, 'carrier-cascade');
    }
    const oneloginAndroid = cascading.filter(({ table }) => table === 'onelogin/android').map(({ row }) => row.code);
    assert.deepEqual(oneloginAndroid.sort((a, b) => a - b), [-40302, -40301, -40202, -40201, -40102, -40101]);
    const onepassIos = cascading.filter(({ table }) => table === 'onepass/ios').map(({ row }) => row.code);
    assert.deepEqual(onepassIos.sort((a, b) => a - b), [-40301, -40201, -40101]);
  });

  it('leaves no Kangxi or CJK radical code point (U+2E80–U+2FDF) in any text', () => {
    assert.doesNotMatch(raw, /[\u2E80-\u2FDF]/u);
  });

  it('has no space between two CJK characters, no line break and no space before full-width punctuation', () => {
    for (const { table, row } of allRows) {
      for (const text of textsOf(row)) {
        assert.doesNotMatch(text, /[\u4E00-\u9FFF]\s+[\u4E00-\u9FFF]/u, `${table}/${row.code}: "${text}"`);
        assert.doesNotMatch(text, /\s[，。；：！？、）]/u, `${table}/${row.code}: "${text}"`);
        assert.doesNotMatch(text, /\n/u);
      }
    }
  });

  it('gives every row Chinese and English text and at least one step in each language', () => {
    for (const { table, row } of allRows) {
      assert.match(row.description.zh, /[\u4E00-\u9FFF]/u, `${table}/${row.code} zh description`);
      assert.match(row.description.en, /^[\x20-\x7E\u00A0-\u024F“”‘’–—…·\u4E00-\u9FFF（）：，、]+$/u);
      assert.ok(row.steps.zh.length > 0 && row.steps.zh.length === row.steps.en.length, `${table}/${row.code} steps`);
      for (const step of row.steps.en) assert.match(step, /[A-Za-z]/u, `${table}/${row.code}: English step "${step}"`);
    }
  });

  it('is exactly what tools/catalog/build.ts builds from the seed and the curation files', () => {
    const { catalog: built, errors } = buildCatalog();
    assert.deepEqual(errors, []);
    assert.equal(`${JSON.stringify(built, null, 2)}\n`, raw, 'run `npm run catalog:build`');
  });
});

describe('catalog indexes', () => {
  it('answer as a scan of the rows does: tables of a number, row of a code, cascading rows', () => {
    const numbers = new Set(catalog.entries.flatMap((e) => [e.row.code, ...e.row.aliases]));
    for (const n of [...numbers, 0, 1, -1, 99999]) {
      const holding = catalog.tables.filter((t) => t.rows.some((r) => r.code === n || r.aliases.includes(n)));
      assert.deepEqual(catalog.tablesWith(n), holding, `tables with ${n}`);
      for (const table of catalog.tables) {
        assert.equal(catalog.rowOf(table, n), table.rows.find((r) => r.code === n), `${table.product}/${table.platform} row ${n}`);
        assert.equal(catalog.tableHas(table, n), holding.includes(table));
      }
    }
    for (const table of catalog.tables) {
      assert.deepEqual(catalog.cascadingRows(table), table.rows.filter((r) => r.cascadesTo !== null));
    }
  });
});

describe('catalog spot checks against the document', () => {
  const row = (product: string, platform: string, code: number) => {
    const found = file.tables.find((t) => t.product === product && t.platform === platform)?.rows.find((r) => r.code === code);
    assert.ok(found, `${product}/${platform}/${code}`);
    return found;
  };

  it('reads the garbled H5 OneLogin table by code (10010–10031)', () => {
    assert.equal(row('onelogin-h5', 'web', 10010).description.zh, 'pre_get_token 接口网络错误');
    assert.equal(row('onelogin-h5', 'web', 10010).cause?.zh, '断网，超时或者跨域');
    assert.deepEqual(row('onelogin-h5', 'web', 10012).steps.zh, ['数据参数传入错误，appID是否传入', '检查是否账户费用不足', '服务查看日志']);
    assert.equal(row('onelogin-h5', 'web', 10030).description.zh, '移动获取pretoken接口网络失败');
    assert.equal(row('onelogin-h5', 'web', 10031).description.zh, '移动获取token失败');
    assert.equal(row('onelogin-h5', 'web', 10031).steps.zh.length, 3);
  });

  it('records -40301 in OnePass Android as Telecom, with a note on the document error', () => {
    const r = row('onepass', 'android', -40301);
    assert.equal(r.cascadesTo, 'ctcc');
    assert.match(r.description.zh, /联通运营商错误码章节/u, 'the Chinese stays as printed');
    assert.match(r.description.en, /Telecom/u);
    assert.ok(r.notes.some((n) => /Telecom/u.test(n.en) && /电信/u.test(n.zh)));
  });

  it('keeps the five Telecom alias pairs as one row each, found by both numbers', () => {
    const pairs = [[-8001, 80001], [-8003, 80000], [-8005, 80103], [-8100, 80004], [-8104, 80007]] as const;
    for (const [oldCode, newCode] of pairs) {
      assert.deepEqual(row('carrier', 'ctcc', oldCode).aliases, [newCode]);
      const byAlias = catalog.lookup(newCode, { product: 'carrier', platform: 'ctcc' })[0];
      assert.equal(byAlias?.entry.row.code, oldCode);
      assert.equal(byAlias?.viaAlias, true);
    }
    assert.equal(row('carrier', 'ctcc', 80102).sameHandlingAs, 80001);
  });

  it('keeps the GOPError names of the OnePass iOS table', () => {
    const names = Object.fromEntries(
      file.tables.find((t) => t.product === 'onepass' && t.platform === 'ios')!.rows.filter((r) => r.name).map((r) => [r.code, r.name]),
    );
    assert.deepEqual(names, {
      '-20301': 'GOPErrorInvalidPhoneNumber',
      '-20302': 'GOPErrorUnsupportedNetwork',
      '-20303': 'GOPErrorUnsupportedOperator',
      '-20305': 'GOPErrorCellularNotAuthorized',
      '-20404': 'GOPErrorRepeatPreGateway',
      '-39901': 'GOPErrorSocketError',
      '-50100': 'GOPErrorInvalidPreGatewayReturns',
    });
    assert.equal(catalog.lookupName('GOPErrorSocketError')[0]?.row.code, -39901);
  });

  it('maps radicals to simplified characters, not through NFKC (⼾ is 户, not 戶)', () => {
    assert.equal(row('onelogin', 'server', 12001).steps.zh[0], '用户未传该字段');
    assert.doesNotMatch(raw, /戶/u);
  });

  it('repairs the em dash that stands for 一 (“—致”)', () => {
    assert.match(row('onepass-h5', 'web', 104).steps.zh.join(''), /一致/u);
    assert.doesNotMatch(raw, /—致/u);
  });

  it('rejoins identifiers split by line wraps (process_ id, is_ phone_ encode)', () => {
    assert.equal(row('onelogin', 'server', 12000).description.zh, 'process_id为空');
    assert.match(row('onelogin', 'server', 12004).description.zh, /^is_phone_encode参数错误$/u);
    assert.doesNotMatch(raw, /_ [a-z]/u);
  });
});

describe('catalog validation at start-up', () => {
  const clone = () => JSON.parse(raw) as { tables: { rows: Record<string, unknown>[] }[] };
  const problemsOf = (data: unknown): string => {
    try {
      validateCatalog(data, 'test.json');
    } catch (error) {
      return (error as Error).message;
    }
    return '';
  };

  it('accepts the bundled file', () => {
    assert.equal(problemsOf(JSON.parse(raw)), '');
  });

  it('names the table, row and field of a malformed row', () => {
    const data = clone();
    data.tables[1]!.rows[2]!.steps = { zh: [], en: [] };
    assert.match(problemsOf(data), /table onelogin\/android, row -20105, field steps\.zh: must NOT have fewer than 1 items/u);
  });

  it('rejects an unknown category with the allowed values', () => {
    const data = clone();
    data.tables[0]!.rows[0]!.category = 'fine';
    assert.match(problemsOf(data), /table onelogin\/server, row 200, field category: must be equal to one of the allowed values \(success, /u);
  });

  it('rejects a duplicated row', () => {
    const data = clone();
    data.tables[2]!.rows.push(data.tables[2]!.rows[0]!);
    assert.match(problemsOf(data), /table onelogin\/ios, row -20101: code -20101 also belongs to row -20101/u);
  });

  it('rejects a field the schema does not know', () => {
    const data = clone();
    data.tables[16]!.rows[0]!.severity = 'high';
    assert.match(problemsOf(data), /table carrier\/ctcc, row -65: must NOT have additional properties \("severity"\)/u);
  });

  it('rejects a cascade to a carrier table that is missing', () => {
    const data = clone();
    data.tables = data.tables.slice(0, 14).concat(data.tables.slice(15));
    assert.match(problemsOf(data), /row -40101, field cascadesTo: no table carrier\/cmcc/u);
  });

  it('notices a missing row through the count check', () => {
    const data = clone();
    data.tables[5]!.rows.splice(3, 1);
    const counts = data.tables.map((t) => t.rows.length);
    assert.notDeepEqual(counts, file.tables.map((t) => t.rows.length));
    assert.equal(problemsOf(data), '', 'a missing row is valid JSON: the count test above is what catches it');
  });
});
