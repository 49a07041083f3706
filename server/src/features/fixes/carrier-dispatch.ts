/**
 * The fix for cascade-subcodes: at the top of a cascading code's branch, read the carrier's own code
 * from the SDK result's metadata and dispatch on it, one arm per row of that carrier's table with the
 * documented advice as a comment.
 */
import type { Branch, Handler, SourceLanguage } from '../../analysis/types';
import { CARRIER_INFO } from '../../catalog/carriers';
import type { Carrier, CodeTable, Lang } from '../../catalog/types';
import { adviceComment, indentationAt, indentUnit, eolOf, nextLineStartOf, type TextEditAt } from './layout';
import { SNIPPETS } from './snippets';

export function carrierDispatchEdit(
  handler: Handler,
  branch: Branch,
  carrier: Carrier,
  carrierTable: CodeTable,
  language: SourceLanguage,
  text: string,
  lang: Lang,
): TextEditAt[] | null {
  if (!branch.body) return null;
  const snippets = SNIPPETS[language];
  const eol = eolOf(text);
  const unit = indentUnit(text, handler);
  const armIndent = indentationAt(text, branch.label.start);
  const arms = carrierTable.rows.map((row) => ({
    codes: [row.code, ...row.aliases],
    comment: adviceComment(row.description[lang], row.steps[lang], lang),
  }));
  const dispatch = (indent: string) =>
    [
      ...snippets.readCarrierCode(resultExpression(handler.subject), CARRIER_INFO[carrier].metadataKeys, 'carrierCode'),
      ...snippets.carrierDispatch('carrierCode', arms, { indent, unit, eol }),
    ].map((line) => `${indent}${line}`);

  const insertion = insertionPoint(handler, branch, text);
  switch (insertion?.kind) {
    case undefined:
      return null;
    case 'after-brace': {
      const indent = insertion.indent ?? `${armIndent}${unit}`;
      return [{ start: insertion.offset, end: insertion.offset, newText: `${eol}${dispatch(indent).join(eol)}` }];
    }
    case 'next-line':
      return [{ start: insertion.offset, end: insertion.offset, newText: `${dispatch(`${armIndent}${unit}`).join(eol)}${eol}` }];
    case 'wrap': {
      // `case X -> stmt;` / `"X" -> expr`: the arm becomes a block holding the dispatch, then what it did.
      const inner = `${armIndent}${unit}`;
      const original = text.slice(insertion.start, insertion.end);
      const block = ['{', ...dispatch(inner), `${inner}${original}`, `${armIndent}}`].join(eol);
      return [{ start: insertion.start, end: insertion.end, newText: block }];
    }
  }
}

type Insertion =
  | { readonly kind: 'after-brace'; readonly offset: number; readonly indent: string | null }
  | { readonly kind: 'next-line'; readonly offset: number }
  | { readonly kind: 'wrap'; readonly start: number; readonly end: number };

/** Where the branch's statements begin: after the `{` of a block, on the line after a `case X:` label, or around an arrow arm's body. */
function insertionPoint(handler: Handler, branch: Branch, text: string): Insertion | null {
  const body = branch.body!;
  const armText = text.slice(body.start, body.end);
  const arrow = handler.kind === 'if-chain' ? null : /^[^{}]*?->[ \t]*/u.exec(armText);
  if (arrow) {
    const start = body.start + arrow[0].length;
    if (text[start] !== '{') return { kind: 'wrap', start, end: body.end };
    return afterBrace(text, start + 1);
  }
  if (handler.kind === 'if-chain' || handler.kind === 'when') {
    const brace = armText.indexOf('{');
    return brace < 0 ? null : afterBrace(text, body.start + brace + 1);
  }
  if (handler.kind === 'switch') {
    const labelEnd = text.indexOf(':', body.start);
    if (labelEnd < 0 || labelEnd > body.end) return null;
    return { kind: 'next-line', offset: nextLineStartOf(text, labelEnd) };
  }
  return null;
}

function afterBrace(text: string, offset: number): Insertion {
  const next = text.slice(offset, nextLineStartOf(text, offset) + 200).split(/\r?\n/u)[1] ?? '';
  const indent = next.trim() !== '' && next.trim() !== '}' ? /^[ \t]*/u.exec(next)![0] : null;
  return { kind: 'after-brace', offset, indent };
}

/** The SDK result object behind the compared expression: `result.errorCode` → `result`. */
export function resultExpression(subject: string | null): string {
  if (subject) {
    const patterns: RegExp[] = [
      /^(.+?)(?:\?)?\.(?:errorCode|errCode|error_code|code)$/u,
      /^(.+?)\[@?["'](?:errorCode|errCode|error_code|code)["']\]$/u,
      /^(.+?)\.(?:optString|getString|optInt|getInt|get|opt)\(["'](?:errorCode|errCode|code)["']\)$/u,
      /^\[(.+?) objectForKey:@"(?:errorCode|errCode|code)"\]$/u,
    ];
    for (const pattern of patterns) {
      const match = pattern.exec(subject);
      if (match) return match[1]!;
    }
  }
  return 'result';
}
