import { CARRIER_SHORT_LABELS } from '../../catalog/labels';
import type { CodeRow } from '../../catalog/types';
import type { MissingCode } from '../types';
import type { Rule } from './rule';

/**
 * -40101/-40201/-40301 (pre-fetch) and -40102/-40202/-40302 (token) come as a family: each says "the
 * carrier's SDK failed, see its code". A handler with some but not all of its table's family lets the
 * other carriers' failures fall into the generic branch.
 */
export const cascadeCarriers: Rule = {
  id: 'cascade-carriers',
  defaultSeverity: 'warning',
  title: { zh: '缺少其他运营商的级联错误码', en: "Missing other carriers' cascading codes" },
  help: {
    zh: '-40101/-40201/-40301（预取号）与 -40102/-40202/-40302（取号）分别对应移动、联通、电信 SDK 的失败，需要成组处理：只处理其中一部分，其余运营商的失败就会落入通用分支，用户得不到有用的提示。',
    en: "-40101/-40201/-40301 (pre-fetch) and -40102/-40202/-40302 (token) report that the China Mobile, China Unicom or China Telecom SDK failed. They come as a family: a handler that deals with some of them lets the other carriers' failures fall into its generic branch.",
  },
  check({ handler, handlerIndex, references, table, catalog }) {
    const family = catalog.cascadingRows(table);
    const handled = family.filter((row) => handler.codes.includes(row.code));
    if (handled.length === 0 || handled.length === family.length) return [];
    const missing = family.filter((row) => !handler.codes.includes(row.code));
    const first = references.find((r) => handled.some((row) => row.code === r.code))!;
    const list = (rows: readonly CodeRow[], lang: 'zh' | 'en') =>
      rows.map((row) => `${row.code}${lang === 'zh' ? '（' : ' ('}${CARRIER_SHORT_LABELS[row.cascadesTo!][lang]}${lang === 'zh' ? '）' : ')'}`).join(lang === 'zh' ? '、' : ', ');
    return [
      {
        rule: 'cascade-carriers',
        severity: 'warning',
        range: first.range,
        handler: handlerIndex,
        message: {
          zh: `该处理逻辑处理了 ${list(handled, 'zh')}，但缺少 ${list(missing, 'zh')}：这些运营商的失败会落入通用分支。`,
          en: `This handler deals with ${list(handled, 'en')} but not ${list(missing, 'en')}: those carriers' failures fall into the generic branch.`,
        },
        data: { rule: 'cascade-carriers', missing: missing.map(toMissingCode) },
      },
    ];
  },
};

function toMissingCode(row: CodeRow): MissingCode {
  return { code: row.code, carrier: row.cascadesTo!, description: row.description, steps: row.steps };
}
