/**
 * Every fixed string the CLI and the server show, in both languages. Catalog text comes from
 * data/; this table holds only the words around it.
 */
import type { Bilingual, Lang } from '../catalog/types';

export const MESSAGES = {
  description: { zh: '描述', en: 'Description' },
  cause: { zh: '常见原因', en: 'Common cause' },
  steps: { zh: '处理方式', en: 'What to do' },
  category: { zh: '类别', en: 'Category' },
  notes: { zh: '说明', en: 'Notes' },
  symbol: { zh: 'SDK 常量', en: 'SDK constant' },
  aliases: { zh: '别名', en: 'Also numbered' },
  cascade: {
    zh: '真实原因是{0}自己的错误码，位于结果 metadata 的 {1} 字段。常见的有：',
    en: "The real reason is {0}'s own code, in the result's metadata as {1}. Typical ones:",
  },
  sameHandlingAs: { zh: '处理方式同', en: 'Handle as' },
  otherMeanings: { zh: '同一错误码在其他表中的含义', en: 'Other meanings of this number' },
  unknownCode: { zh: '目录中没有错误码 {0}', en: 'No error code {0} in the catalog' },
  didYouMean: { zh: '相近的错误码：{0}', en: 'Did you mean: {0}' },
  noMatchForContext: { zh: '错误码 {0} 不在 {1} 中；它出现在：', en: 'Code {0} is not in {1}; it appears in:' },
  logSdkCode: { zh: 'SDK 错误码（{0}）', en: 'SDK code ({0})' },
  logCarrierCode: { zh: '运营商错误码（{0}）', en: 'Carrier code ({0})' },
  logNothingFound: {
    zh: '在日志中没有找到错误码。请粘贴包含 errorCode、code 或 resultCode 的日志行或结果 JSON。',
    en: 'No error code found in the log text. Paste a log line or result JSON that contains errorCode, code or resultCode.',
  },
  logCarrierMissing: {
    zh: '{0} 是级联错误码，但日志中没有运营商错误码（metadata 中的 {1}）。',
    en: "{0} is a cascading code, but the log holds no carrier code ({1} in the result's metadata).",
  },
  fixAddBranches: { zh: '补上缺少的运营商分支（{0}）', en: 'Add the missing carrier branches ({0})' },
  fixDispatch: { zh: '按{0}自己的错误码分别处理', en: "Dispatch on {0}'s own code" },
  fixSuppress: { zh: '在此行忽略 {0}', en: 'Suppress {0} on this line' },
  lensHandled: { zh: '处理了 {0}/{1} 个{2}错误码', en: 'Handles {0} of {1} {2} codes' },
  lensMissingCarriers: { zh: '缺少：{0}', en: 'missing: {0}' },
} as const satisfies Record<string, Bilingual>;

export type MessageId = keyof typeof MESSAGES;

/** A field label with the colon that suits the language: "处理方式：" / "What to do:". */
export function label(lang: Lang, id: MessageId): string {
  return `${MESSAGES[id][lang]}${lang === 'zh' ? '：' : ':'}`;
}

/** The message in the given language, with {0}, {1}… replaced by the arguments. */
export function t(lang: Lang, id: MessageId, ...args: (string | number)[]): string {
  return MESSAGES[id][lang].replace(/\{(\d+)\}/gu, (_, i: string) => String(args[Number(i)] ?? ''));
}

/** `auto` resolves from a locale such as "zh-cn" or "zh_CN.UTF-8"; anything else is English. */
export function resolveLang(setting: string | undefined, locale: string | undefined): Lang {
  if (setting === 'zh' || setting === 'en') return setting;
  return locale?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
