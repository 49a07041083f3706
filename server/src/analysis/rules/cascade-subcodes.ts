import { CARRIER_INFO } from '../../catalog/carriers';
import { CARRIER_SHORT_LABELS } from '../../catalog/labels';
import type { Finding } from '../types';
import type { Rule } from './rule';

/**
 * A cascading code only says which carrier failed; the reason (and the advice in the carrier's table)
 * is the carrier's own code in the result's metadata. A branch that never reads it loses that advice.
 */
export const cascadeSubcodes: Rule = {
  id: 'cascade-subcodes',
  defaultSeverity: 'information',
  title: { zh: '未读取运营商自己的错误码', en: "Carrier's own code not read" },
  help: {
    zh: '级联错误码（-40101 等）只说明是哪家运营商的 SDK 失败了；真正的原因是结果 metadata 中运营商自己的错误码（移动 resultCode、联通 code/resultCode、电信 result）。处理分支应读取它，才能给出运营商错误码表中的处理建议。',
    en: "A cascading code (-40101 …) only says which carrier's SDK failed; the reason is the carrier's own code in the result's metadata (China Mobile resultCode, China Unicom code/resultCode, China Telecom result). The branch should read it so the carrier table's advice reaches the user.",
  },
  check({ handler, handlerIndex, references, table, catalog }) {
    if (handler.kind === 'map' || handler.kind === 'comparison') return [];
    const findings: Finding[] = [];
    for (const branch of handler.branches) {
      if (branch.readsCarrierCode) continue;
      for (const code of branch.codes) {
        const carrier = catalog.rowOf(table, code)?.cascadesTo;
        if (!carrier) continue;
        const reference = references.find((r) => r.code === code);
        if (!reference) continue;
        const keys = CARRIER_INFO[carrier].metadataKeys;
        findings.push({
          rule: 'cascade-subcodes',
          severity: 'information',
          range: reference.range,
          handler: handlerIndex,
          message: {
            zh: `${code} 表示${CARRIER_SHORT_LABELS[carrier].zh} SDK 失败，但此分支没有读取 metadata 中运营商自己的错误码（${keys.join(' / ')}），运营商错误码表中的处理建议就用不上了。`,
            en: `${code} means the ${CARRIER_SHORT_LABELS[carrier].en} SDK failed, but this branch never reads the carrier's own code from the result's metadata (${keys.join(' / ')}), so the carrier table's advice is lost.`,
          },
          data: { rule: 'cascade-subcodes', code, carrier, metadataKeys: keys },
        });
      }
    }
    return findings;
  },
};
