/**
 * How each language writes the pieces a quick fix inserts: an else-if link, a switch/when arm, a
 * comparison, a comment, reading the carrier's code from the SDK result, and a dispatch over carrier
 * codes. One table per language; the fix builders only fill them in.
 */
import type { SourceLanguage } from '../../analysis/types';

export interface Layout {
  /** Indentation of the statement or arm being added. */
  readonly indent: string;
  /** One level of indentation as the file uses it. */
  readonly unit: string;
  readonly eol: string;
}

export type ArmStyle = 'colon' | 'arrow' | 'kotlin' | 'swift';

/** One arm of a carrier dispatch: a row's code and aliases, and its advice. */
export interface DispatchArm {
  readonly codes: readonly number[];
  readonly comment: string;
}

export interface Snippets {
  /** Text that continues an if chain after the closing brace of its last link. */
  elseIf(condition: string, body: readonly string[], layout: Layout): string;
  /**
   * A complete arm (with its line break) for a switch / when, placed at `layout.indent`; `terminate`
   * adds the language's break where an arm needs one (not after a body that already returns).
   */
  arm(label: string, body: readonly string[], style: ArmStyle, layout: Layout, terminate?: boolean): string;
  /** A comparison of `subject` with a code when the handler gives no example to copy. */
  comparison(subject: string, literal: string, quoted: boolean): string;
  /** A string literal holding `text` (ObjC writes @"…"). */
  string(text: string): string;
  lineComment(text: string): string;
  /** Statements that read the carrier's own code from `result`'s metadata into `variable`. */
  readCarrierCode(result: string, keys: readonly string[], variable: string): readonly string[];
  /** A dispatch on `variable` over carrier codes, each arm with its advice as a comment. */
  carrierDispatch(variable: string, arms: readonly DispatchArm[], layout: Layout): readonly string[];
}

const cStyleElseIf = (parens: boolean) => (condition: string, body: readonly string[], { indent, unit, eol }: Layout) =>
  ` else if ${parens ? `(${condition})` : condition} {${eol}${body.map((line) => `${indent}${unit}${line}${eol}`).join('')}${indent}}`;

function armText(label: string, body: readonly string[], style: ArmStyle, { indent, unit, eol }: Layout, terminator: string | null): string {
  const inner = body.map((line) => `${indent}${unit}${line}${eol}`).join('');
  switch (style) {
    case 'colon':
      return `${indent}case ${label}:${eol}${inner}${terminator ? `${indent}${unit}${terminator}${eol}` : ''}`;
    case 'swift':
      return `${indent}case ${label}:${eol}${inner}${terminator ? `${indent}${unit}${terminator}${eol}` : ''}`;
    case 'arrow':
      return `${indent}case ${label} -> {${eol}${inner}${indent}}${eol}`;
    case 'kotlin':
      return `${indent}${label} -> {${eol}${inner}${indent}}${eol}`;
  }
}

function dispatchLines(
  head: string,
  arms: readonly DispatchArm[],
  layout: Layout,
  arm: (codes: readonly number[]) => string,
  armBreak: string | null,
  fallback: readonly string[],
  close: string,
): string[] {
  const { unit } = layout;
  const lines = [head];
  for (const { codes, comment } of arms) {
    lines.push(`${unit}${arm(codes)}`, `${unit}${unit}// ${comment}`);
    if (armBreak) lines.push(`${unit}${unit}${armBreak}`);
  }
  lines.push(...fallback.map((line) => `${unit}${line}`), close);
  return lines;
}

const typescript: Snippets = {
  elseIf: cStyleElseIf(true),
  arm: (label, body, style, layout, terminate = true) => armText(label, body, style, layout, terminate ? 'break;' : null),
  comparison: (subject, literal) => `${subject} === ${literal}`,
  string: (text) => `'${text}'`,
  lineComment: (text) => `// ${text}`,
  readCarrierCode: (result, keys, variable) => [
    `const ${variable} = String(${keys.map((k) => `${result}?.metadata?.${k}`).join(' ?? ')} ?? '');`,
  ],
  carrierDispatch: (variable, arms, layout) =>
    dispatchLines(`switch (${variable}) {`, arms, layout, (codes) => codes.map((c) => `case '${c}':`).join(' '), 'break;', ['default:', `${layout.unit}break;`], '}'),
};

const java: Snippets = {
  elseIf: cStyleElseIf(true),
  arm: (label, body, style, layout, terminate = true) => armText(label, body, style, layout, terminate ? 'break;' : null),
  comparison: (subject, literal, quoted) => (quoted ? `${literal}.equals(${subject})` : `${subject} == ${literal}`),
  string: (text) => `"${text}"`,
  lineComment: (text) => `// ${text}`,
  readCarrierCode: (result, keys, variable) => [
    `String ${variable} = ${result}.optJSONObject("metadata") == null ? "" : ${keys
      .map((k) => `${result}.optJSONObject("metadata").optString("${k}")`)
      .reduce((acc, read) => (acc ? `(${acc}.isEmpty() ? ${read} : ${acc})` : read), '')};`,
  ],
  carrierDispatch: (variable, arms, layout) =>
    dispatchLines(`switch (${variable}) {`, arms, layout, (codes) => codes.map((c) => `case "${c}":`).join(' '), 'break;', ['default:', `${layout.unit}break;`], '}'),
};

const kotlin: Snippets = {
  elseIf: cStyleElseIf(true),
  arm: (label, body, style, layout) => armText(label, body, style === 'colon' ? 'kotlin' : style, layout, null),
  comparison: (subject, literal) => `${subject} == ${literal}`,
  string: (text) => `"${text}"`,
  lineComment: (text) => `// ${text}`,
  readCarrierCode: (result, keys, variable) => [
    `val ${variable} = ${keys.map((k) => `${result}.optJSONObject("metadata")?.optString("${k}")?.takeIf { it.isNotEmpty() }`).join(' ?: ')} ?: ""`,
  ],
  carrierDispatch: (variable, arms, layout) => {
    const { unit } = layout;
    const lines = [`when (${variable}) {`];
    for (const { codes, comment } of arms) lines.push(`${unit}${codes.map((c) => `"${c}"`).join(', ')} -> {`, `${unit}${unit}// ${comment}`, `${unit}}`);
    lines.push(`${unit}else -> {}`, '}');
    return lines;
  },
};

const swift: Snippets = {
  elseIf: cStyleElseIf(false),
  arm: (label, body, _style, layout, terminate = true) =>
    armText(label, body, 'swift', layout, terminate || body.every((line) => line.trimStart().startsWith('//')) ? 'break' : null),
  comparison: (subject, literal) => `${subject} == ${literal}`,
  string: (text) => `"${text}"`,
  lineComment: (text) => `// ${text}`,
  readCarrierCode: (result, keys, variable) => [
    `let carrierMetadata = ${result}["metadata"] as? [String: Any]`,
    `let ${variable} = ${keys.map((k) => `carrierMetadata?["${k}"].map { "\\($0)" }`).join(' ?? ')} ?? ""`,
  ],
  carrierDispatch: (variable, arms, layout) =>
    dispatchLines(`switch ${variable} {`, arms, layout, (codes) => `case ${codes.map((c) => `"${c}"`).join(', ')}:`, 'break', ['default:', `${layout.unit}break`], '}'),
};

const objc: Snippets = {
  elseIf: cStyleElseIf(true),
  arm: (label, body, style, layout, terminate = true) => armText(label, body, style, layout, terminate ? 'break;' : null),
  comparison: (subject, literal, quoted) => (quoted ? `[${subject} isEqualToString:${literal}]` : `[${subject} integerValue] == ${literal}`),
  string: (text) => `@"${text}"`,
  lineComment: (text) => `// ${text}`,
  readCarrierCode: (result, keys, variable) => [
    `NSDictionary *carrierMetadata = ${result}[@"metadata"];`,
    `NSString *${variable} = [NSString stringWithFormat:@"%@", ${keys.map((k) => `carrierMetadata[@"${k}"]`).join(' ?: ')} ?: @""];`,
  ],
  // Objective-C cannot switch on strings: an if chain of isEqualToString:.
  carrierDispatch: (variable, arms, { unit }) => {
    const lines: string[] = [];
    arms.forEach(({ codes, comment }, i) => {
      const test = codes.map((c) => `[${variable} isEqualToString:@"${c}"]`).join(' || ');
      lines.push(`${i === 0 ? '' : '} else '}if (${test}) {`, `${unit}// ${comment}`);
    });
    if (arms.length > 0) lines.push('}');
    return lines;
  },
};

export const SNIPPETS: Readonly<Record<SourceLanguage, Snippets>> = {
  typescript,
  javascript: typescript,
  arkts: typescript,
  java,
  kotlin,
  swift,
  objc,
};
