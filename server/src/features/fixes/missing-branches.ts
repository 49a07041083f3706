/**
 * The fix for cascade-carriers: add a branch for every missing cascading code, in the handler's own
 * form (another else-if with the same comparison and quoting, a case, a when entry, a map entry),
 * each with the documented handling as a comment and, when the sibling branches share one body, that body.
 */
import type { CodeReference, Handler, MissingCode, SourceLanguage } from '../../analysis/types';
import type { Lang } from '../../catalog/types';
import { label } from '../../i18n/messages';
import { eolOf, indentationAt, layoutAt, lineStartOf, nextLineStartOf, type TextEditAt } from './layout';
import { SNIPPETS, type ArmStyle } from './snippets';

export function missingBranchesEdit(
  handler: Handler,
  references: readonly CodeReference[],
  missing: readonly MissingCode[],
  language: SourceLanguage,
  text: string,
  lang: Lang,
  isCascading: (code: number) => boolean,
): TextEditAt[] | null {
  if (missing.length === 0) return null;
  const snippets = SNIPPETS[language];
  const literal = literalWriter(references, language);
  // The new branches keep doing what the handler did for these codes until now (its else / default),
  // unless the handler's cascading branches share one body, which is then the better model.
  const shared = sharedCascadeBody(handler, text, isCascading) ?? fallbackBody(handler, text);
  const bodyOf = (m: MissingCode) => [
    snippets.lineComment(`${m.code} ${m.description[lang]}`),
    snippets.lineComment(`${label(lang, 'steps')} ${m.steps[lang].join(lang === 'zh' ? '；' : ' ')}`),
    ...(shared ?? []),
  ];
  const ends = shared !== null && shared.length > 0 && /^(?:return|throw|break|continue)\b/u.test(shared.at(-1)!);

  if (language === 'kotlin' && handler.kind === 'if-chain' && isSubjectlessWhen(handler, text)) {
    // `when { code == "-20301" -> … }` reads like an if chain but takes arms, not else-ifs.
    const at = handler.fallback ? lineStartOf(text, handler.fallback.start) : nextLineStartOf(text, handler.range.end);
    const layout = layoutAt(text, at, handler);
    const condition = (m: MissingCode) => handler.comparisonTemplate?.replace('${code}', String(m.code)) ?? snippets.comparison(handler.subject ?? 'errorCode', literal(m.code), true);
    const arms = missing.map((m) => snippets.arm(condition(m), bodyOf(m), 'kotlin', layout)).join('');
    return [{ start: at, end: at, newText: arms }];
  }

  switch (handler.kind) {
    case 'if-chain': {
      const layout = layoutAt(text, handler.range.start, handler);
      const condition = (m: MissingCode) =>
        handler.comparisonTemplate
          ? handler.comparisonTemplate.replace('${code}', String(m.code))
          : snippets.comparison(handler.subject ?? 'errorCode', literal(m.code), true);
      const links = missing.map((m) => snippets.elseIf(condition(m), bodyOf(m), layout)).join('');
      if (handler.fallback) {
        // Before the final `else`: "} else if (…) {…} else {".
        const elseAt = text.lastIndexOf('else', handler.fallback.start);
        if (elseAt < handler.range.start) return null;
        return [{ start: elseAt, end: elseAt, newText: `${links.trimStart()} ` }];
      }
      return [{ start: handler.range.end, end: handler.range.end, newText: links }];
    }
    case 'switch':
    case 'when': {
      const style = armStyle(handler, language, text);
      // Before the default arm, else before the line holding the dispatch's closing brace.
      const at = handler.fallback ? lineStartOf(text, handler.fallback.start) : lineStartOf(text, handler.range.end - 1);
      const lastLabel = handler.branches.at(-1)?.label.start ?? handler.range.start;
      const layout = layoutAt(text, handler.fallback ? handler.fallback.start : lastLabel, handler);
      const arms = missing.map((m) => snippets.arm(literal(m.code), bodyOf(m), style, layout, !ends)).join('');
      if (!handler.fallback && text.slice(at, handler.range.end - 1).trim() !== '') {
        // The closing brace shares its line with code: open a fresh line for the arms.
        const close = handler.range.end - 1;
        return [{ start: close, end: close, newText: `${layout.eol}${arms}${indentationAt(text, handler.range.start)}` }];
      }
      return [{ start: at, end: at, newText: arms }];
    }
    case 'map': {
      if (!['typescript', 'javascript', 'arkts'].includes(language)) return null;
      const close = handler.range.end - 1;
      const lastEntry = handler.branches.at(-1);
      if (!lastEntry) return null;
      const indent = indentationAt(text, lastEntry.label.start);
      const eol = eolOf(text);
      const hasComma = /^\s*,/u.test(text.slice(lastEntry.label.end, close));
      const entries = missing
        .map((m) => `${indent}${literal(m.code)}: ${SNIPPETS[language].string(m.description[lang].replace(/['\\]/gu, '\\$&'))},${eol}`)
        .join('');
      const closeLineStart = lineStartOf(text, close);
      if (text.slice(closeLineStart, close).trim() !== '') return null;
      const entriesEdit = { start: closeLineStart, end: closeLineStart, newText: entries };
      return hasComma ? [entriesEdit] : [{ start: lastEntry.label.end, end: lastEntry.label.end, newText: ',' }, entriesEdit];
    }
    case 'comparison':
      return null;
  }
}

/** Writes a code the way the handler writes its codes: quoted or not, with the same quotes and prefix. */
function literalWriter(references: readonly CodeReference[], language: SourceLanguage): (code: number) => string {
  const literals = references.filter((r) => r.form === 'string' || r.form === 'number');
  const sample = literals.find((r) => r.form === 'string') ?? literals[0];
  if (!sample) return (code) => SNIPPETS[language].string(String(code));
  return (code) => sample.text.replace(/[-+]?\s*\d+/u, String(code));
}

function armStyle(handler: Handler, language: SourceLanguage, text: string): ArmStyle {
  if (language === 'kotlin') return 'kotlin';
  if (language === 'swift') return 'swift';
  const labels = handler.branches.map((b) => text.slice(b.label.start, b.label.end));
  return language === 'java' && labels.some((l) => /->/u.test(l.split('\n')[0]!)) ? 'arrow' : 'colon';
}

/**
 * When two or more branches for cascading codes run the same block (say `showCarrierError(result);`),
 * the new branches run it too. Only block bodies of if chains qualify; anything naming a code does not.
 */
function sharedCascadeBody(handler: Handler, text: string, isCascading: (code: number) => boolean): string[] | null {
  if (handler.kind !== 'if-chain') return null;
  const bodies = handler.branches
    .filter((b) => b.codes.some(isCascading) && b.body)
    .map((b) => text.slice(b.body!.start, b.body!.end).trim());
  // One branch is no pattern; two or more running the same block are.
  if (bodies.length < 2 || bodies.some((b) => b !== bodies[0] || !b.startsWith('{') || /\d{4,}/u.test(b))) return null;
  const inner = bodies[0]!.slice(1, -1).split(/\r?\n/u).filter((line) => line.trim() !== '');
  if (inner.length === 0) return null;
  const common = Math.min(...inner.map((line) => /^[ \t]*/u.exec(line)![0].length));
  return inner.map((line) => line.slice(common).trimEnd());
}

function isSubjectlessWhen(handler: Handler, text: string): boolean {
  const first = handler.branches[0];
  return first !== undefined && /->\s*$/u.test(text.slice(first.label.start, first.label.end));
}

/**
 * The statements of the handler's else / default arm, dedented: what the handler did for the missing
 * codes so far. Null when there is none or it is not a plain block of statements.
 */
function fallbackBody(handler: Handler, text: string): string[] | null {
  if (!handler.fallback) return null;
  let body = text.slice(handler.fallback.start, handler.fallback.end).trim();
  body = body.replace(/^(?:default\s*(?::|->)|else\s*->)\s*/u, '');
  if (body.startsWith('{') && body.endsWith('}')) body = body.slice(1, -1);
  const lines = body.split(/\r?\n/u).filter((line) => line.trim() !== '');
  if (lines.length === 0 || lines.length > 12) return null;
  const first = lines[0]!.trimStart();
  const rest = lines.slice(1);
  const common = rest.length === 0 ? 0 : Math.min(...rest.map((line) => /^[ \t]*/u.exec(line)![0].length));
  return [first, ...rest.map((line) => line.slice(common))].map((line) => line.trimEnd());
}
