/**
 * ArkTS (HarmonyOS `.ets`): TypeScript plus `struct`, decorators on functions and a UI DSL
 * (`Column() { Text('…') }`, `}\n.width('100%')`). Parsed with the TypeScript grammar over an
 * equal-length rewrite (arkts-rewrite.ts), so every node's offsets are offsets in the original text;
 * the value, usage, if-chain and switch logic is TypeScript's.
 */
import type { SyntaxNode } from '../parsing/syntax-tree';
import type { GrammarId } from '../parsing/parsers';
import { rewriteArktsIncrementally, type ArktsRewrite } from './arkts-rewrite';
import type { LanguageSpec, PreparedText, Usage } from './spec';
import { unwrapParentheses } from './tree';
import { typescriptSpec, typescriptUsageOf, typescriptValueAt } from './typescript';

/** Casts that do not change what is compared. */
const CASTS = new Set(['as_expression', 'satisfies_expression', 'non_null_expression']);

/**
 * ArkTS forbids `any`, so results read from a record are cast at the comparison:
 * `switch (result['errorCode'] as string)` dispatches on `result['errorCode']`.
 */
function withoutCasts(node: SyntaxNode | null): SyntaxNode | null {
  let current = unwrapParentheses(node);
  while (current && CASTS.has(current.type) && current.namedChildren[0]) current = unwrapParentheses(current.namedChildren[0]);
  return current;
}

export function arktsUsageOf(value: SyntaxNode): Usage | null {
  const usage = typescriptUsageOf(value);
  if (usage?.kind !== 'comparison' && usage?.kind !== 'case') return usage;
  const subject = withoutCasts(usage.subject);
  return subject === usage.subject ? usage : { ...usage, subject };
}

/** A rewrite whose next version restarts from its sync points. */
function prepared(rewrite: ArktsRewrite): PreparedText {
  return {
    text: rewrite.text,
    read: (start, end) => rewrite.read(start, end),
    readPiece: (start, end) => rewrite.readPiece(start, end),
    nodeText: rewrite.text,
    changed: rewrite.changed,
    next: (text, change) => prepared(rewriteArktsIncrementally(text, rewrite, change)),
  };
}

export const arktsSpec: LanguageSpec | undefined = {
  id: 'arkts',
  grammarFor: (): GrammarId => 'typescript',
  defaultPlatform: 'harmonyos',
  lineComment: '//',
  prepare: (text) => prepared(rewriteArktsIncrementally(text, null, null)),
  valueAt: typescriptValueAt,
  usageOf: arktsUsageOf,
  ifStatements: typescriptSpec.ifStatements,
  caseBody: typescriptSpec.caseBody,
  defaultOf: typescriptSpec.defaultOf,
};
