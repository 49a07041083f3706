/** Lays out cards and explanations for a terminal; colour only when the caller says the output is a TTY. */
import type { Candidate, Catalog } from '../catalog/catalog';
import { tableLabel } from '../catalog/labels';
import type { Lang } from '../catalog/types';
import { label, t } from '../i18n/messages';
import { buildCard, type Card } from './card';
import type { CodeExplanation, LogExplanation } from './explain';
import { carrierKeysHint } from './log';

export interface TextStyle {
  bold(s: string): string;
  dim(s: string): string;
  accent(s: string): string;
  warn(s: string): string;
}

const ansi = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
export const COLOUR: TextStyle = { bold: ansi(1, 22), dim: ansi(2, 22), accent: ansi(36, 39), warn: ansi(33, 39) };
export const PLAIN: TextStyle = { bold: (s) => s, dim: (s) => s, accent: (s) => s, warn: (s) => s };

/** Longest description shown in a one-line list before it is cut with "…". */
const LIST_TEXT_LIMIT = 60;

export function renderCard(card: Card, lang: Lang, style: TextStyle): string {
  const lines: string[] = [];
  const code = [card.code, ...card.aliases].join(' / ');
  lines.push(`${style.bold(style.accent(code))}  ${card.product} · ${card.platform}  ${style.dim(card.tableTitle)}`);
  if (card.name) lines.push(`  ${style.dim(label(lang, 'symbol'))} ${card.name}`);
  lines.push(`  ${card.description}`);
  if (card.cause) lines.push(`  ${style.dim(label(lang, 'cause'))} ${card.cause}`);
  lines.push(`  ${style.dim(label(lang, 'category'))} ${card.categoryLabel}`);
  lines.push(`  ${style.dim(label(lang, 'steps'))}`);
  card.steps.forEach((step, i) => lines.push(`    ${i + 1}. ${step}`));
  if (card.sameHandlingAs) {
    lines.push(`  ${style.dim(label(lang, 'sameHandlingAs'))} ${card.sameHandlingAs.code} (${card.sameHandlingAs.text})`);
  }
  if (card.cascade) {
    lines.push(`  ${t(lang, 'cascade', style.bold(card.cascade.carrierLabel), card.cascade.metadataKeys.join(' / '))}`);
    for (const typical of card.cascade.typicalCodes) {
      lines.push(`    ${style.accent(String(typical.code).padEnd(8))}${shorten(typical.text)}`);
    }
  }
  for (const note of card.notes) lines.push(`  ${style.warn(label(lang, 'notes'))} ${note}`);
  return lines.join('\n');
}

/**
 * The best meaning as a full card, every other meaning as one line. When the caller narrowed the
 * context, every meaning inside it gets a full card.
 */
export function renderCodeExplanation(
  explanation: CodeExplanation,
  catalog: Catalog,
  lang: Lang,
  style: TextStyle,
): string {
  const { candidates, context } = explanation;
  if (candidates.length === 0) {
    const lines = [style.warn(t(lang, 'unknownCode', explanation.code))];
    if (explanation.nearMisses.length > 0) lines.push(t(lang, 'didYouMean', explanation.nearMisses.join(', ')));
    return lines.join('\n');
  }
  const lines: string[] = [];
  if (explanation.outsideContext) {
    const where = [context.product, context.platform].filter(Boolean).join('/');
    lines.push(style.warn(t(lang, 'noMatchForContext', explanation.code, where)), '');
  }
  const narrowed = context.product !== undefined || context.platform !== undefined;
  const bestScore = candidates[0]!.score;
  const full = candidates.filter((c, i) => i === 0 || (narrowed && c.score === bestScore));
  const others = candidates.slice(full.length);
  lines.push(full.map((c) => renderCard(buildCard(c.entry, catalog, lang), lang, style)).join('\n\n'));
  if (others.length > 0) {
    lines.push('', style.dim(label(lang, 'otherMeanings')));
    for (const other of others) lines.push(`  ${oneLine(other, lang, style)}`);
  }
  return lines.join('\n');
}

function oneLine({ entry }: Candidate, lang: Lang, style: TextStyle): string {
  const where = tableLabel(entry.product, entry.platform, lang);
  return `${style.accent(String(entry.row.code))}  ${where}${lang === 'zh' ? '：' : ': '}${shorten(entry.row.description[lang])}`;
}

function shorten(text: string): string {
  const chars = [...text];
  return chars.length > LIST_TEXT_LIMIT ? `${chars.slice(0, LIST_TEXT_LIMIT - 1).join('')}…` : text;
}

export function renderLogExplanation(
  explanation: LogExplanation,
  catalog: Catalog,
  lang: Lang,
  style: TextStyle,
): string {
  const { found, sdk, carrier } = explanation;
  if (!sdk && !carrier) return style.warn(t(lang, 'logNothingFound'));
  const parts: string[] = [];
  if (sdk && found.sdk) {
    parts.push(style.bold(t(lang, 'logSdkCode', found.sdk.key)), renderCodeExplanation(sdk, catalog, lang, style));
  }
  if (carrier && found.carrier) {
    if (parts.length > 0) parts.push('');
    parts.push(
      style.bold(t(lang, 'logCarrierCode', found.carrier.key)),
      renderCodeExplanation(carrier, catalog, lang, style),
    );
  } else if (explanation.carrierCodeMissing && found.sdk) {
    parts.push('', style.warn(t(lang, 'logCarrierMissing', found.sdk.code, carrierKeysHint(explanation.carrierTable))));
  }
  return parts.join('\n');
}
