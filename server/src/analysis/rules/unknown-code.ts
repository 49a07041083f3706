import { tableLabels } from '../../catalog/labels';
import type { Bilingual } from '../../catalog/types';
import type { Finding } from '../types';
import type { Rule } from './rule';

/**
 * Inside a recognised handler, a code its product and platform never return: another platform's code
 * (say where it belongs) or a near miss of a real one (suggest it).
 */
export const unknownCode: Rule = {
  id: 'unknown-code',
  defaultSeverity: 'warning',
  title: { zh: '不属于该产品/平台的错误码', en: 'Code not in this product and platform' },
  help: {
    zh: '处理逻辑中的错误码不在该产品、该平台的错误码表中：可能是其他平台的错误码（该 SDK 永远不会返回它），也可能是某个真实错误码的笔误。',
    en: 'A code in the handler is not in the error-code table of its product and platform: either another platform\'s code (this SDK never returns it) or a typo of a real code.',
  },
  check({ handlerIndex, references, table, catalog }) {
    const findings: Finding[] = [];
    const tableName = tableLabels(table.product, table.platform, ' ');
    for (const reference of references) {
      if (catalog.tableHas(table, reference.code)) continue;
      const otherTables = catalog
        .lookup(reference.code)
        .map((c) => ({ id: `${c.entry.product}/${c.entry.platform}`, ...tableLabels(c.entry.product, c.entry.platform, ' ') }));
      const suggestions = catalog.nearMisses(reference.code, 20).filter((n) => catalog.tableHas(table, n)).slice(0, 3);
      if (otherTables.length === 0 && suggestions.length === 0) continue;
      const where = (lang: 'zh' | 'en') => otherTables.map((t) => t[lang]).join(lang === 'zh' ? '、' : ', ');
      const message: Bilingual =
        otherTables.length > 0
          ? {
              zh: `${reference.code} 不是${tableName.zh}的错误码，它属于${where('zh')}；该 SDK 不会返回它。`,
              en: `${reference.code} is not a ${tableName.en} code; it belongs to ${where('en')}. This SDK never returns it.`,
            }
          : {
              zh: `${reference.code} 不是${tableName.zh}的错误码。是否想写 ${suggestions.join('、')}？`,
              en: `${reference.code} is not a ${tableName.en} code. Did you mean ${orList(suggestions)}?`,
            };
      findings.push({
        rule: 'unknown-code',
        severity: 'warning',
        range: reference.range,
        handler: handlerIndex,
        message,
        data: { rule: 'unknown-code', code: reference.code, otherTables: otherTables.map((t) => t.id), suggestions },
      });
    }
    return findings;
  },
};

/** "a", "a or b", "a, b or c". */
function orList(items: readonly number[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`;
}
