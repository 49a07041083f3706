/**
 * Text normalisation for the vendor document (see ../../README.md, "Where the data comes from").
 *
 * The PDF-to-text dump writes some ordinary CJK characters as Kangxi / CJK radical code points and
 * breaks rows across lines with stray spaces. We repair exactly those defects. NFKC is deliberately
 * not used: it would turn ⼾ into the traditional 戶 and rewrite full-width punctuation that belongs there.
 */

/** The 27 radical code points found in the seed, mapped to the simplified characters they stand for. */
export const RADICAL_TO_CJK: Readonly<Record<string, string>> = {
  '\u2ED3': '长', // ⻓ CJK RADICAL C-SIMPLIFIED LONG (NFKC leaves it unchanged)
  '\u2F00': '一',
  '\u2F06': '二',
  '\u2F08': '人',
  '\u2F0A': '入',
  '\u2F1D': '口',
  '\u2F24': '大',
  '\u2F29': '小',
  '\u2F3E': '户', // ⼾ KANGXI RADICAL DOOR (NFKC would give the traditional 戶)
  '\u2F3F': '手',
  '\u2F40': '支',
  '\u2F42': '文',
  '\u2F45': '方',
  '\u2F46': '无',
  '\u2F47': '日',
  '\u2F4B': '欠',
  '\u2F5A': '片',
  '\u2F64': '用',
  '\u2F69': '白',
  '\u2F6C': '目',
  '\u2F79': '网',
  '\u2F83': '自',
  '\u2F8F': '行',
  '\u2F9B': '走',
  '\u2F9C': '足',
  '\u2FAE': '非',
  '\u2FAF': '面',
};

/** Han ideographs plus full-width CJK punctuation: text between two of these never needs a space. */
const CJK = '\\u3000-\\u303F\\u3400-\\u4DBF\\u4E00-\\u9FFF\\uFF00-\\uFFEF';
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t]+(?=[${CJK}])`, 'gu');

export function mapRadicals(text: string): string {
  return text.replace(/[\u2E80-\u2FDF]/gu, (ch) => {
    const mapped = RADICAL_TO_CJK[ch];
    if (mapped === undefined) {
      throw new Error(`unmapped radical U+${ch.codePointAt(0)!.toString(16).toUpperCase()} in seed text`);
    }
    return mapped;
  });
}

/** Character-level repairs that keep the layout (line breaks, spaces) as it is. */
export function repairCharacters(raw: string): string {
  return (
    mapRadicals(raw)
      // An em dash standing in for 一 ("与当前页面—致" is 一致).
      .replace(/—(?=致)/gu, '一')
      // Quotes printed the wrong way round: ”设置“ / ”设置”.
      .replace(/”([^“”\n]{1,20})[“”]/gu, '“$1”')
  );
}

/**
 * Normalises one cell's text: radicals mapped, line breaks joined, wrap artefacts removed.
 * Spaces between a CJK character and Latin text are the document's own and are kept.
 */
export function normalizeCellText(raw: string): string {
  let text = repairCharacters(raw)
    // PDF line wraps: a newline inside a cell is a wrap, not a separator.
    .replace(/\s*\n\s*/gu, ' ')
    // Wraps that split identifiers ("process_ id", "is_ phone_ encode").
    .replace(/_ +(?=[A-Za-z])/gu, '_')
    .replace(/[ \t]{2,}/gu, ' ');
  // Twice, because the lookahead leaves single-character runs ("较 差 的") half done.
  text = text.replace(SPACE_BETWEEN_CJK, '$1').replace(SPACE_BETWEEN_CJK, '$1');
  return text.trim();
}

/**
 * Everything that is layout rather than content, removed so that curated text can be compared with
 * the seed: whitespace, table pipes, step numbers ("1、", "2:"), step separators.
 */
export function contentFingerprint(text: string): string {
  return normalizeCellText(text)
    .replace(/(^|[\s|；;。，,）)])\d{1,2}\s*[、:：]/gu, '$1')
    .replace(/[\s|；;]/gu, '');
}
