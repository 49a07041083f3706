/** Reading the file's own layout (line ends, indentation) so inserted code looks like its neighbours. */
import type { Handler } from '../../analysis/types';
import type { Layout } from './snippets';

export interface TextEditAt {
  readonly start: number;
  readonly end: number;
  readonly newText: string;
}

export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function lineStartOf(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** The offset just after the line break that ends the line holding `offset`. */
export function nextLineStartOf(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

export function indentationAt(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/u.exec(text.slice(start, start + 200))![0];
}

/** One level of indentation: the smallest step between the handler's line and the lines inside it. */
export function indentUnit(text: string, handler: Handler): string {
  const base = indentationAt(text, handler.range.start);
  const inner = text.slice(handler.range.start, handler.range.end).split(/\r?\n/u).slice(1);
  let best: string | null = null;
  for (const line of inner) {
    const indent = /^[ \t]*/u.exec(line)![0];
    if (line.trim() === '' || indent.length <= base.length || !indent.startsWith(base)) continue;
    const step = indent.slice(base.length);
    if (best === null || step.length < best.length) best = step;
  }
  return best ?? (/^\t/mu.test(text) ? '\t' : '    ');
}

export function layoutAt(text: string, offset: number, handler: Handler): Layout {
  return { indent: indentationAt(text, offset), unit: indentUnit(text, handler), eol: eolOf(text) };
}

/**
 * A one-line summary of a row for a comment: description and steps, cut at a word (or, in Chinese, a
 * clause) boundary when longer than `limit` characters.
 */
export function adviceComment(description: string, steps: readonly string[], lang: 'zh' | 'en', limit = 140): string {
  const what = description.replace(/[.。；;，,]+$/u, '');
  const joined = (lang === 'zh' ? `${what}：${steps.join('；')}` : `${what}: ${steps.join(' ')}`).replace(/\s+/gu, ' ');
  const chars = [...joined];
  if (chars.length <= limit) return joined;
  const cut = chars.slice(0, limit - 1).join('');
  const boundary = Math.max(cut.lastIndexOf(' '), cut.lastIndexOf('，'), cut.lastIndexOf('；'), cut.lastIndexOf(','));
  return `${boundary > limit / 2 ? cut.slice(0, boundary) : cut}…`;
}
