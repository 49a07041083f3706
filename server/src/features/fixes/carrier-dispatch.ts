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
): TextEditAt | null {
  if (!branch.body) return null;
  const snippets = SNIPPETS[language];
  const eol = eolOf(text);
  const unit = indentUnit(text, handler);
  const insertion = insertionPoint(handler, branch, text);
  if (!insertion) return null;
  const indent = insertion.indent ?? `${indentationAt(text, branch.label.start)}${unit}`;
  const arms = carrierTable.rows.map((row) => ({
    codes: [row.code, ...row.aliases],
    comment: adviceComment(row.description[lang], row.steps[lang], lang),
  }));
  const lines = [
    ...snippets.readCarrierCode(resultExpression(handler.subject), CARRIER_INFO[carrier].metadataKeys, 'carrierCode'),
    ...snippets.carrierDispatch('carrierCode', arms, { indent, unit, eol }),
  ];
  const body = lines.map((line) => `${indent}${line}${eol}`).join('');
  return { start: insertion.offset, end: insertion.offset, newText: insertion.afterBrace ? `${eol}${body.replace(new RegExp(`${eol}$`, 'u'), '')}` : body };
}

/** Where the branch's statements begin: after the `{` of a block, else on the line after the label. */
function insertionPoint(handler: Handler, branch: Branch, text: string): { offset: number; indent: string | null; afterBrace: boolean } | null {
  const body = text.slice(branch.body!.start, branch.body!.end);
  if (handler.kind === 'if-chain' || handler.kind === 'when') {
    const brace = body.indexOf('{');
    if (brace < 0) return null;
    const offset = branch.body!.start + brace + 1;
    const next = text.slice(offset, nextLineStartOf(text, offset) + 200).split(/\r?\n/u)[1] ?? '';
    const indent = next.trim() !== '' && next.trim() !== '}' ? /^[ \t]*/u.exec(next)![0] : null;
    return { offset, indent, afterBrace: true };
  }
  if (handler.kind === 'switch') {
    const labelEnd = text.indexOf(':', branch.body!.start);
    if (labelEnd < 0 || labelEnd > branch.body!.end) return null;
    const offset = nextLineStartOf(text, labelEnd);
    return { offset, indent: null, afterBrace: false };
  }
  return null;
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
