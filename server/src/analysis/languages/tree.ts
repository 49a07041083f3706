/** Small helpers over web-tree-sitter nodes, shared by the language specs. */
import type { SyntaxNode } from '../parsing/syntax-tree';
import type { ValueNode } from './spec';

export function field(node: SyntaxNode, name: string): SyntaxNode | null {
  return node.childForFieldName(name);
}

/** Operators that compare for (in)equality in the languages we read. */
const EQUALITY_OPERATORS = new Set(['==', '===', '!=', '!==']);

export function isEqualityOperator(type: string | undefined): boolean {
  return type !== undefined && EQUALITY_OPERATORS.has(type);
}

const PARENTHESES = new Set(['parenthesized_expression', 'parenthesized_type']);

/** The outermost node of `(((node)))`. */
export function skipParentheses(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.parent && PARENTHESES.has(current.parent.type) && current.parent.namedChildCount === 1) {
    current = current.parent;
  }
  return current;
}

/** The node inside `(((node)))`. */
export function unwrapParentheses(node: SyntaxNode | null): SyntaxNode | null {
  let current = node;
  while (current && PARENTHESES.has(current.type) && current.namedChildCount === 1) current = current.namedChildren[0]!;
  return current;
}

/** In a binary expression, the operand that is not `operand` (either side may be the literal). */
export function otherOperand(binary: SyntaxNode, operand: SyntaxNode): SyntaxNode | null {
  const left = binary.childForFieldName('left') ?? binary.namedChildren[0] ?? null;
  const right = binary.childForFieldName('right') ?? binary.namedChildren.at(-1) ?? null;
  const other = left?.equals(operand) ? right : left;
  return unwrapParentheses(other);
}

/**
 * `x.compareTo(y) == 0` (or `0 == …`): the comparison a compareTo call stands in, where `zeroType`
 * is the grammar's integer literal.
 */
export function comparisonWithZero(call: SyntaxNode, zeroType: string): SyntaxNode | null {
  const operand = skipParentheses(call);
  const parent = operand.parent;
  if (parent?.type !== 'binary_expression' || !isEqualityOperator(field(parent, 'operator')?.type)) return null;
  const other = otherOperand(parent, operand);
  return other?.type === zeroType && other.text === '0' ? parent : null;
}

/** The nearest ancestor (or the node itself) of one of the given types. */
export function ancestorOfType(node: SyntaxNode, types: ReadonlySet<string>): SyntaxNode | null {
  for (let n: SyntaxNode | null = node; n; n = n.parent) if (types.has(n.type)) return n;
  return null;
}

/**
 * A number literal with the sign in front of it: `-20202` is `unary_expression(-, 20202)` in most
 * grammars (`operandField` names the operand: `operand` in Java, `argument` in Kotlin). A `+` keeps the
 * number; any other operator (`~20202`) makes it no code.
 */
function signedNumber(literal: SyntaxNode, operandField: string): ValueNode | null {
  if (!/^\d+$/u.test(literal.text)) return null;
  const parent = literal.parent;
  if (parent?.type === 'unary_expression' && field(parent, operandField)?.equals(literal)) {
    const operator = field(parent, 'operator')?.type;
    if (operator === '-') return { node: parent, kind: 'number', value: `-${literal.text}` };
    if (operator === '+') return { node: parent, kind: 'number', value: literal.text };
    return null;
  }
  return { node: literal, kind: 'number', value: literal.text };
}

/**
 * The content of a string literal written as one plain run between two quotes (`"-20301"`,
 * `'-20301'`): no escape, no interpolation (`$`), not a `"""` text block. Read from the text, because
 * asking the tree for the literal's parts costs calls into WASM at every candidate.
 */
export function plainStringContent(literal: SyntaxNode): string | null {
  const text = literal.text;
  const quote = text[0];
  if (text.length < 2 || (quote !== '"' && quote !== "'") || text.at(-1) !== quote) return null;
  const content = text.slice(1, -1);
  return /["'\\$]/u.test(content) ? null : content;
}

/** A grammar's names for the literals a code can be written as. */
export interface LiteralTypes {
  /** The text inside a string literal (`string_fragment`), whose parent is the literal. */
  readonly stringContent: string;
  readonly string: string;
  /** An integer literal, and the field of a unary expression that holds it (`-20202`). */
  readonly integer: string;
  readonly signOperandField: string;
}

/**
 * From the smallest node at a candidate, the value it belongs to in grammars that spell literals the
 * Java way: a signed integer, a plain string literal or an identifier.
 */
export function literalValueAt(leaf: SyntaxNode, types: LiteralTypes): ValueNode | null {
  const node = leaf.type === types.stringContent ? leaf.parent : leaf;
  if (!node) return null;
  switch (node.type) {
    case types.integer:
      return signedNumber(node, types.signOperandField);
    case types.string: {
      const value = plainStringContent(node);
      return value === null ? null : { node, kind: 'string', value };
    }
    case 'identifier':
      return { node, kind: 'identifier', value: node.text };
    default:
      return null;
  }
}
