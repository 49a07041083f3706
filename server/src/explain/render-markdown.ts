/**
 * Cards as Markdown, for hovers, completion documentation and the editor's explain view. Every text
 * that comes from data is escaped, so a `*` or `_` in a description never turns into formatting.
 */
import type { Candidate, Catalog } from '../catalog/catalog';
import { tableLabel } from '../catalog/labels';
import type { Lang } from '../catalog/types';
import { label, t } from '../i18n/messages';
import { buildCard, type Card } from './card';

/** Characters that Markdown (CommonMark, as VS Code renders it) could read as syntax. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|~{}]/gu, (ch) => `\\${ch}`).replace(/^([-+]|\d+\.)(\s)/u, '\\$1$2');
}

export function cardMarkdown(card: Card, lang: Lang): string {
  const e = escapeMarkdown;
  const code = [card.code, ...card.aliases].join(' / ');
  const parts: string[] = [`**${e(code)}** · ${e(card.product)} · ${e(card.platform)}${card.name ? ` · \`${card.name}\`` : ''}`, e(card.description)];
  if (card.cause) parts.push(`*${e(label(lang, 'cause'))}* ${e(card.cause)}`);
  parts.push(`**${e(label(lang, 'steps'))}**\n\n${card.steps.map((step, i) => `${i + 1}. ${e(step)}`).join('\n')}`);
  if (card.sameHandlingAs) {
    parts.push(`*${e(label(lang, 'sameHandlingAs'))}* \`${card.sameHandlingAs.code}\` ${e(card.sameHandlingAs.text)}`);
  }
  parts.push(`*${e(label(lang, 'category'))}* ${e(card.categoryLabel)}`);
  if (card.cascade) {
    const list = card.cascade.typicalCodes.map((c) => `- \`${c.code}\` ${e(c.text)}`).join('\n');
    parts.push(`${e(t(lang, 'cascade', card.cascade.carrierLabel, card.cascade.metadataKeys.join(' / ')))}\n\n${list}`);
  }
  for (const note of card.notes) parts.push(`> ${e(label(lang, 'notes'))} ${e(note)}`);
  return parts.join('\n\n');
}

/** The best candidate as a full card, the other meanings as a short list under it. */
export function candidatesMarkdown(candidates: readonly Candidate[], catalog: Catalog, lang: Lang, maxOthers = 5): string {
  const [best, ...others] = candidates;
  if (!best) return '';
  const parts = [cardMarkdown(buildCard(best.entry, catalog, lang), lang)];
  if (others.length > 0) {
    const lines = others.slice(0, maxOthers).map(({ entry }) => {
      const where = tableLabel(entry.product, entry.platform, lang);
      return `- ${escapeMarkdown(where)}: ${escapeMarkdown(entry.row.description[lang])}`;
    });
    if (others.length > maxOthers) lines.push(`- … (+${others.length - maxOthers})`);
    parts.push(`---\n\n*${escapeMarkdown(label(lang, 'otherMeanings'))}*\n\n${lines.join('\n')}`);
  }
  return parts.join('\n\n');
}
