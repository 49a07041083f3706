/** Hover: the card of the code under the cursor, best meaning first. */
import type { Analysis } from '../analysis/types';
import type { Catalog } from '../catalog/catalog';
import type { Lang } from '../catalog/types';
import { candidatesMarkdown, escapeMarkdown } from '../explain/render-markdown';
import { t } from '../i18n/messages';
import { referenceAt } from './lookup';
import type { TextRange } from '../analysis/types';

export interface HoverCard {
  readonly markdown: string;
  readonly range: TextRange;
}

export function hoverAt(analysis: Analysis, offset: number, catalog: Catalog, lang: Lang): HoverCard | null {
  const reference = referenceAt(analysis, offset);
  if (!reference) return null;
  const parts: string[] = [];
  if (reference.form === 'constant' || reference.form === 'symbol') {
    parts.push(`\`${reference.text}\` = \`${reference.code}\``);
  }
  if (reference.candidates.length > 0) {
    parts.push(candidatesMarkdown(reference.candidates, catalog, lang));
  } else {
    parts.push(`**${reference.code}**`, escapeMarkdown(t(lang, 'unknownCode', reference.code)));
    const finding = analysis.findings.find((f) => f.rule === 'unknown-code' && f.range.start === reference.range.start);
    if (finding?.data.rule === 'unknown-code' && finding.data.suggestions.length > 0) {
      parts.push(escapeMarkdown(t(lang, 'didYouMean', finding.data.suggestions.join(', '))));
    }
  }
  return { markdown: parts.join('\n\n'), range: reference.range };
}
