/**
 * Objective-C (tree-sitter-objc 3.0.2; `.m`, `.mm` and `.h` files). Shapes: `[@"-20202" isEqualToString:code]`,
 * `[code isEqualToString:@"-20203"]`, `[errCode isEqual:OLErrorCode_20302]`, `[code integerValue] == -40101`
 * (the sign is part of `number_literal`; `- 40101` with a blank is a `unary_expression`),
 * `[code compare:@"-20202"] == NSOrderedSame`, `[result[@"errorCode"] isEqualToNumber:@(-40101)]`,
 * `switch (error.code) { case GOPErrorSocketError: … }`, `@{ @"-20202": … }` dictionaries,
 * `static NSString * const kCancel = @"-20302";` and enum members.
 *
 * SDK headers declare enums with `typedef NS_ENUM(NSInteger, GOPErrorCode) { … };`, a macro the grammar
 * cannot expand: `prepare` rewrites it (same length, same line breaks) to `enum GOPErrorCode { … };`.
 */
import type { SyntaxNode } from '../parsing/syntax-tree';
import type { GrammarId } from '../parsing/parsers';
import type { LanguageSpec, Usage, ValueNode } from './spec';
import { field, isEqualityOperator, otherOperand, skipParentheses, unwrapParentheses } from './tree';

/** Messages that compare their receiver with their one argument. */
const EQUALITY_SELECTORS = new Set(['isEqualToString', 'isEqual', 'isEqualToNumber']);
/** Messages that compare when their result is tested against NSOrderedSame (or 0). */
const COMPARE_SELECTORS = new Set(['compare', 'caseInsensitiveCompare', 'localizedCompare']);
const ORDERED_SAME = new Set(['NSOrderedSame', '0']);

/**
 * Strings and comments are matched first so the macros are only rewritten in code. Rewrites:
 * `typedef NS_ENUM(NSInteger, Name)` (NS_OPTIONS, NS_CLOSED_ENUM, NS_ERROR_ENUM) → `enum Name` padded with
 * blanks; `NS_ASSUME_NONNULL_BEGIN` / `_END` → blanks.
 */
const PREPARE_PATTERN =
  /"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\/[^\n]*|\/\*[\s\S]*?\*\/|\btypedef[ \t]+NS_(?:ENUM|OPTIONS|CLOSED_ENUM|ERROR_ENUM)[ \t]*\([ \t]*\w+[ \t]*,[ \t]*(\w+)[ \t]*\)|\bNS_ASSUME_NONNULL_(?:BEGIN|END)\b/gu;

export function prepareObjc(text: string): string {
  if (!text.includes('NS_')) return text;
  return text.replace(PREPARE_PATTERN, (match: string, enumName: string | undefined) => {
    if (match.startsWith('NS_ASSUME_NONNULL_')) return ' '.repeat(match.length);
    if (enumName === undefined) return match;
    return `enum ${enumName}`.padEnd(match.length, ' ');
  });
}

export function objcValueAt(leaf: SyntaxNode): ValueNode | null {
  switch (leaf.type) {
    case 'number_literal': {
      if (!/^-?\d+$/u.test(leaf.text)) return null;
      if (leaf.text.startsWith('-')) return { node: leaf, kind: 'number', value: leaf.text };
      const parent = leaf.parent;
      if (parent?.type === 'unary_expression' && field(parent, 'operator')?.type === '-' && field(parent, 'argument')?.equals(leaf)) {
        return { node: parent, kind: 'number', value: `-${leaf.text}` };
      }
      return { node: leaf, kind: 'number', value: leaf.text };
    }
    case 'string_content': {
      const literal = leaf.parent;
      if (literal?.type !== 'string_literal' || literal.namedChildCount !== 1) return null;
      return { node: literal, kind: 'string', value: leaf.text };
    }
    case 'identifier':
      return { node: leaf, kind: 'identifier', value: leaf.text };
    default:
      return null;
  }
}

/** `@(-40101)` and `@-40101` box the number; `(x)` is `x`. */
function widen(value: SyntaxNode): SyntaxNode {
  let node = skipParentheses(value);
  if (node.parent?.type === 'at_expression') node = skipParentheses(node.parent);
  return node;
}

/** The compared expression without parentheses and casts: `error.code` in `(GOPErrorCode)error.code`. */
function unwrapSubject(node: SyntaxNode | null): SyntaxNode | null {
  let current = unwrapParentheses(node);
  while (current?.type === 'cast_expression') current = unwrapParentheses(field(current, 'value'));
  return current;
}

interface Keyword {
  readonly name: string;
  readonly argument: SyntaxNode | null;
}

/** `[receiver a:x b:y]` → receiver and the keywords with their arguments (the grammar does not name arguments). */
function messageParts(message: SyntaxNode): { receiver: SyntaxNode | null; keywords: Keyword[] } {
  const keywords: { name: string; argument: SyntaxNode | null }[] = [];
  for (let i = 0; i < message.childCount; i++) {
    const child = message.child(i)!;
    const fieldName = message.fieldNameForChild(i);
    if (fieldName === 'method') keywords.push({ name: child.text, argument: null });
    else if (fieldName === null && child.isNamed && child.type !== 'comment' && keywords.length > 0) {
      const last = keywords[keywords.length - 1]!;
      last.argument ??= child;
    }
  }
  return { receiver: field(message, 'receiver'), keywords };
}

function messageUsage(message: SyntaxNode, operand: SyntaxNode): Usage | null {
  const { receiver, keywords } = messageParts(message);
  const first = keywords[0];
  if (!first?.argument) return null;
  const isReceiver = receiver?.equals(operand) ?? false;
  if (!isReceiver && !first.argument.equals(operand)) return null;
  const subject = unwrapSubject(isReceiver ? first.argument : receiver);
  if (EQUALITY_SELECTORS.has(first.name) && keywords.length === 1) return { kind: 'comparison', subject, site: message };
  if (COMPARE_SELECTORS.has(first.name)) {
    // `[code compare:@"-20202"] == NSOrderedSame`
    const test = skipParentheses(message).parent;
    if (test?.type !== 'binary_expression' || !isEqualityOperator(field(test, 'operator')?.type)) return null;
    const other = otherOperand(test, skipParentheses(message));
    return other && ORDERED_SAME.has(other.text) ? { kind: 'comparison', subject, site: test } : null;
  }
  return null;
}

/** `static NSString * const kX`, `const NSInteger kX`, or a file-level `static`. */
function isConstantDeclaration(declaration: SyntaxNode, initDeclarator: SyntaxNode): boolean {
  const isConst = (node: SyntaxNode) => node.type === 'type_qualifier' && node.text === 'const';
  if (declaration.namedChildren.some(isConst)) return true;
  for (let d = field(initDeclarator, 'declarator'); d; d = field(d, 'declarator')) if (d.namedChildren.some(isConst)) return true;
  const isStatic = declaration.namedChildren.some((c) => c.type === 'storage_class_specifier' && c.text === 'static');
  return isStatic && declaration.parent?.type === 'translation_unit';
}

/** The name a declarator declares: `kX` in `* const kX`. */
function declaredName(declarator: SyntaxNode | null): SyntaxNode | null {
  let current = declarator;
  while (current && current.type !== 'identifier') current = field(current, 'declarator');
  return current;
}

export function objcUsageOf(value: SyntaxNode): Usage | null {
  const operand = widen(value);
  const parent = operand.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'binary_expression':
      if (!isEqualityOperator(field(parent, 'operator')?.type)) return null;
      return { kind: 'comparison', subject: unwrapSubject(otherOperand(parent, operand)), site: parent };
    case 'message_expression':
      return messageUsage(parent, operand);
    case 'case_statement': {
      if (!field(parent, 'value')?.equals(operand)) return null;
      const dispatch = parent.parent?.parent;
      if (dispatch?.type !== 'switch_statement') return null;
      return { kind: 'case', subject: unwrapSubject(field(dispatch, 'condition')), dispatch, branch: parent };
    }
    case 'dictionary_pair':
      return parent.namedChildren[0]?.equals(operand) && parent.parent?.type === 'dictionary_literal'
        ? { kind: 'map-key', map: parent.parent, entry: parent }
        : null;
    case 'init_declarator': {
      const declaration = parent.parent;
      if (!field(parent, 'value')?.equals(operand) || declaration?.type !== 'declaration' || !isConstantDeclaration(declaration, parent)) return null;
      const name = declaredName(field(parent, 'declarator'));
      return name ? { kind: 'constant', name: name.text, declaration } : null;
    }
    case 'enumerator': {
      const name = field(parent, 'name');
      return field(parent, 'value')?.equals(operand) && name ? { kind: 'constant', name: name.text, declaration: parent } : null;
    }
    default:
      return null;
  }
}

function isStatement(node: SyntaxNode): boolean {
  return (
    node.type.endsWith('_statement') ||
    node.type === 'declaration' ||
    node.type === 'block_literal' ||
    node.type === 'function_definition' ||
    node.type === 'method_definition'
  );
}

/** A case arm has statements after its `:` (comments do not count). */
function hasStatements(arm: SyntaxNode): boolean {
  let afterColon = false;
  for (let i = 0; i < arm.childCount; i++) {
    const child = arm.child(i)!;
    if (afterColon && child.isNamed && child.type !== 'comment') return true;
    if (child.type === ':') afterColon = true;
  }
  return false;
}

function isDefaultArm(arm: SyntaxNode): boolean {
  return arm.type === 'case_statement' && arm.child(0)?.type === 'default';
}

export const objcSpec: LanguageSpec | undefined = {
  id: 'objc',
  grammarFor: (): GrammarId => 'objc',
  defaultPlatform: 'ios',
  lineComment: '//',
  prepare(text) {
    const source = prepareObjc(text);
    const read = (start: number, end: number) => source.slice(start, end);
    return { text, read, readPiece: read, nodeText: source };
  },
  valueAt: objcValueAt,
  usageOf: objcUsageOf,
  ifStatements: {
    ifWithCondition(node) {
      for (let n: SyntaxNode | null = node; n; n = n.parent) {
        const parent = n.parent;
        if (parent?.type === 'if_statement' && field(parent, 'condition')?.equals(n)) return parent;
        if (!parent || isStatement(n)) return null;
      }
      return null;
    },
    previousInChain(ifNode) {
      const elseClause = ifNode.parent;
      return elseClause?.type === 'else_clause' && elseClause.parent?.type === 'if_statement' ? elseClause.parent : null;
    },
    nextInChain(ifNode) {
      const body = field(ifNode, 'alternative')?.namedChildren.find((c) => c.type !== 'comment') ?? null;
      return body?.type === 'if_statement' ? body : null;
    },
    consequence: (ifNode) => field(ifNode, 'consequence'),
    elseBlock(ifNode) {
      const body = field(ifNode, 'alternative')?.namedChildren.find((c) => c.type !== 'comment') ?? null;
      return body && body.type !== 'if_statement' ? body : null;
    },
  },
  caseBody(branch) {
    // C falls through empty arms to the next arm with statements.
    for (let arm: SyntaxNode | null = branch; arm; arm = arm.nextNamedSibling) {
      if (arm.type !== 'case_statement') continue;
      if (hasStatements(arm) || isDefaultArm(arm)) return arm;
    }
    return null;
  },
  defaultOf: (dispatch) => field(dispatch, 'body')?.namedChildren.find(isDefaultArm) ?? null,
};
