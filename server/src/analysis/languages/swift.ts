/**
 * Swift (tree-sitter-swift 0.7.1, patched build). Shapes: `code == "-20302"`, `code != "-20303"`
 * (an `infix_expression` with a `custom_operator`), `error.code == -40101`, raw strings `#"-20202"#`,
 * `switch error.code { case -40101, -40201: … }`, `case "-20202":`, `case GOPErrorSocketError`,
 * `guard code != "-20302" else { … }`, `["-20202": "…"]` dictionaries, `let cancel = "-20302"`,
 * `static let`, and enum raw values (`case userBack = "-20302"` used as `.userBack`).
 *
 * The grammar gives `==` / `!=` a higher precedence than `&&` / `||` on their right-hand side:
 * `code == "-20301" || code == "-20302"` parses as `code == ("-20301" || (code == "-20302"))`.
 * `usageOf` repairs that: a literal at the left end of a `&&` / `||` chain on the right of a
 * comparison is compared with that comparison's left operand, and the comparison it reports is a
 * narrowed view of the node covering just `code == "-20301"` (see `rangeView`).
 */
import type { SyntaxNode } from '../parsing/syntax-tree';
import type { GrammarId } from '../parsing/parsers';
import type { IfStatementSpec, LanguageSpec, Usage, ValueNode } from './spec';
import { field } from './tree';

const COMPARISON_OPERATORS = new Set(['==', '===', '!=', '!==']);
const LOGICAL = new Set(['conjunction_expression', 'disjunction_expression']);
/** Conversions around a compared value that do not change what is compared. */
const CONVERSION_CALLS = new Set(['Int', 'Int32', 'Int64', 'NSInteger', 'String', 'NSString', 'NSNumber']);
const CONVERSION_PROPERTIES = new Set(['integerValue', 'intValue', 'int32Value', 'stringValue']);
/** Where the climb from a condition stops: statement lists, closures, declarations. */
const BOUNDARIES = new Set(['statements', 'lambda_literal', 'function_body', 'class_body', 'enum_class_body', 'source_file']);
const RAW_STRING = /^(#+)"([^"\\]*)"\1$/u;

/**
 * A node that stands for part of another node's range (or a range spanning sibling nodes): it has
 * `base`'s identity (id, type, children) with the given offsets and the text between them. Its parent
 * is `parent`; for a narrowed comparison that is the real, wider node, so climbing from the view
 * reaches the same ancestors as climbing from the real node.
 */
function rangeView(base: SyntaxNode, start: number, end: number, container: SyntaxNode, parent: SyntaxNode | null): SyntaxNode {
  if (base.startIndex === start && base.endIndex === end) return base;
  const text = container.text.slice(start - container.startIndex, end - container.startIndex);
  return new Proxy(base, {
    get(target, property) {
      if (property === 'startIndex') return start;
      if (property === 'endIndex') return end;
      if (property === 'text') return text;
      if (property === 'parent') return parent;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** `node` without the blanks the grammar counts at the end of a switch arm. */
function trimmed(node: SyntaxNode): SyntaxNode {
  const length = node.text.trimEnd().length;
  return rangeView(node, node.startIndex, node.startIndex + length, node, node.parent);
}

export function swiftValueAt(leaf: SyntaxNode): ValueNode | null {
  switch (leaf.type) {
    case 'integer_literal': {
      if (!/^\d+$/u.test(leaf.text)) return null;
      const parent = leaf.parent;
      if (parent?.type === 'prefix_expression' && field(parent, 'operation')?.type === '-' && field(parent, 'target')?.equals(leaf)) {
        return { node: parent, kind: 'number', value: `-${leaf.text}` };
      }
      return { node: leaf, kind: 'number', value: leaf.text };
    }
    case 'line_str_text': {
      const literal = leaf.parent;
      if (literal?.type !== 'line_string_literal' || literal.namedChildCount !== 1) return null;
      return { node: literal, kind: 'string', value: leaf.text };
    }
    case 'raw_str_end_part': {
      // `#"-20202"#`: the token holds the delimiters; interpolated raw strings have more parts.
      const literal = leaf.parent;
      if (literal?.type !== 'raw_string_literal' || literal.namedChildCount !== 1) return null;
      const content = RAW_STRING.exec(leaf.text)?.[2];
      return content === undefined ? null : { node: literal, kind: 'string', value: content };
    }
    case 'simple_identifier':
      return { node: leaf, kind: 'identifier', value: leaf.text };
    default:
      return null;
  }
}

function isComparison(node: SyntaxNode | null): boolean {
  if (!node || (node.type !== 'equality_expression' && node.type !== 'infix_expression')) return false;
  const operator = field(node, 'op');
  return operator !== null && COMPARISON_OPERATORS.has(operator.text);
}

/** `(x)` is a one-element tuple in this grammar. */
function isParenthesized(node: SyntaxNode): boolean {
  return node.type === 'tuple_expression' && node.namedChildCount === 1 && field(node, 'value') !== null && field(node, 'name') === null;
}

/** `rawValue` in `x.rawValue`. */
function memberName(navigation: SyntaxNode): string | null {
  const suffix = field(navigation, 'suffix');
  return (suffix && field(suffix, 'suffix')?.text) ?? null;
}

/**
 * The expression a value stands as: `Codes.noSim` for the name `noSim`, `GOPErrorSocketError.rawValue`
 * for the enum name, `(x)` for `x`.
 */
function widen(value: SyntaxNode): SyntaxNode {
  let node = value;
  const suffix = node.parent;
  if (suffix?.type === 'navigation_suffix' && field(suffix, 'suffix')?.equals(node)) {
    const navigation = suffix.parent;
    if (navigation?.type === 'navigation_expression' && field(navigation, 'suffix')?.equals(suffix)) node = navigation;
  }
  const parent = node.parent;
  if (parent?.type === 'navigation_expression' && field(parent, 'target')?.equals(node)) {
    if (memberName(parent) === 'rawValue') node = parent;
  }
  while (node.parent && isParenthesized(node.parent)) node = node.parent;
  return node;
}

/** The compared expression without parentheses, casts and conversions: `code` in `Int(code)`, `(code as NSString).integerValue`. */
function unwrapSubject(node: SyntaxNode | null): SyntaxNode | null {
  let current = node;
  for (;;) {
    if (!current) return null;
    if (isParenthesized(current)) current = field(current, 'value');
    else if (current.type === 'as_expression') current = field(current, 'expr');
    else if (current.type === 'navigation_expression' && CONVERSION_PROPERTIES.has(memberName(current) ?? '')) {
      current = field(current, 'target');
    } else if (current.type === 'call_expression' && isConversionCall(current)) {
      const argument = onlyArgument(current);
      if (!argument) return current;
      current = argument;
    } else return current;
  }
}

/** `Int(x)`, `String(x)`, or any `T(rawValue: x)`. */
function isConversionCall(call: SyntaxNode): boolean {
  if (CONVERSION_CALLS.has(call.namedChildren[0]?.text ?? '')) return true;
  return /^\(\s*rawValue\s*:/u.test(call.namedChildren[1]?.text ?? '');
}

/** The single argument of `f(x)` (unlabelled, or labelled `rawValue:` as in `GOPErrorCode(rawValue: error.code)`). */
function onlyArgument(call: SyntaxNode): SyntaxNode | null {
  const suffix = call.namedChildren[1];
  const argumentsNode = suffix?.type === 'call_suffix' ? suffix.namedChildren[0] : undefined;
  if (argumentsNode?.type !== 'value_arguments' || argumentsNode.text.startsWith('[')) return null;
  const values = argumentsNode.namedChildren.filter((c) => c.type === 'value_argument');
  const label = values.length === 1 ? field(values[0]!, 'name') : null;
  if (values.length !== 1 || (label !== null && label.text !== 'rawValue')) return null;
  return field(values[0]!, 'value');
}

/** The left end of a `&&` / `||` chain: the operand the grammar wrongly put inside it. */
function leftmostOperand(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (LOGICAL.has(current.type)) {
    const lhs = field(current, 'lhs');
    if (!lhs) break;
    current = lhs;
  }
  return current;
}

/** The nearest earlier child of `parent` in the field `name` (the name before `= value`). */
function precedingField(parent: SyntaxNode, child: SyntaxNode, name: string): SyntaxNode | null {
  let found: SyntaxNode | null = null;
  for (let i = 0; i < parent.childCount; i++) {
    const c = parent.child(i)!;
    if (c.startIndex >= child.startIndex) break;
    if (parent.fieldNameForChild(i) === name) found = c;
  }
  return found;
}

function hasField(parent: SyntaxNode, child: SyntaxNode, name: string): boolean {
  return parent.childrenForFieldName(name).some((c) => c.equals(child));
}

export function swiftUsageOf(value: SyntaxNode): Usage | null {
  const operand = widen(value);
  const parent = operand.parent;
  if (!parent) return null;

  if (isComparison(parent)) {
    const lhs = field(parent, 'lhs');
    const rhs = field(parent, 'rhs');
    if (rhs?.equals(operand)) return { kind: 'comparison', subject: unwrapSubject(lhs), site: parent };
    if (lhs?.equals(operand) && rhs) {
      // `"-20301" == code || …`: the other operand is the left end of the chain on the right.
      const other = leftmostOperand(rhs);
      const site = other.equals(rhs) ? parent : rangeView(parent, parent.startIndex, other.endIndex, parent, parent);
      return { kind: 'comparison', subject: unwrapSubject(other), site };
    }
    return null;
  }
  if (LOGICAL.has(parent.type) && field(parent, 'lhs')?.equals(operand)) {
    // `code == "-20301" || …`: climb the chain the literal starts to the comparison holding it.
    let chain = parent;
    while (chain.parent && LOGICAL.has(chain.parent.type) && field(chain.parent, 'lhs')?.equals(chain)) chain = chain.parent;
    const comparison = chain.parent;
    if (!comparison || !isComparison(comparison) || !field(comparison, 'rhs')?.equals(chain)) return null;
    const site = rangeView(comparison, comparison.startIndex, operand.endIndex, comparison, comparison);
    return { kind: 'comparison', subject: unwrapSubject(field(comparison, 'lhs')), site };
  }

  switch (parent.type) {
    case 'pattern': {
      // `case -40101, -40201:`, `case "-20202":`, `case GOPErrorSocketError:`, `case .userBack:`
      if (parent.namedChildCount !== 1) return null;
      const switchPattern = parent.parent;
      const entry = switchPattern?.type === 'switch_pattern' ? switchPattern.parent : null;
      const dispatch = entry?.type === 'switch_entry' ? entry.parent : null;
      if (!entry || dispatch?.type !== 'switch_statement') return null;
      return { kind: 'case', subject: unwrapSubject(field(dispatch, 'expr')), dispatch, branch: trimmed(entry) };
    }
    case 'dictionary_literal': {
      if (!hasField(parent, operand, 'key')) return null;
      const entryValue = operand.nextNamedSibling;
      const end = entryValue && hasField(parent, entryValue, 'value') ? entryValue.endIndex : operand.endIndex;
      return { kind: 'map-key', map: parent, entry: rangeView(operand, operand.startIndex, end, parent, parent) };
    }
    case 'property_declaration': {
      // `let cancel = "-20302"`, `static let noSim = "-20202"` (not `var`).
      if (!hasField(parent, operand, 'value')) return null;
      const binding = parent.namedChildren.find((c) => c.type === 'value_binding_pattern');
      if (field(binding ?? parent, 'mutability')?.type !== 'let') return null;
      const pattern = precedingField(parent, operand, 'name');
      const name = pattern && (field(pattern, 'bound_identifier') ?? pattern);
      return name?.type === 'simple_identifier' ? { kind: 'constant', name: name.text, declaration: parent } : null;
    }
    case 'enum_entry': {
      // `enum OLCode: String { case userBack = "-20302", switchAccount = "-20303" }`
      if (!hasField(parent, operand, 'raw_value')) return null;
      const name = precedingField(parent, operand, 'name');
      return name ? { kind: 'constant', name: name.text, declaration: parent } : null;
    }
    default:
      return null;
  }
}

function isConditionOf(statement: SyntaxNode, node: SyntaxNode): boolean {
  return statement.childrenForFieldName('condition').some((c) => c.equals(node));
}

/** The `{ … }` block that starts at the child `open` of `statement`, as a node-like view. */
function blockFrom(statement: SyntaxNode, open: SyntaxNode | null): SyntaxNode | null {
  if (open?.type !== '{') return null;
  let close: SyntaxNode | null = open.nextSibling;
  while (close && close.type !== '}') close = close.nextSibling;
  return rangeView(open, open.startIndex, (close ?? open).endIndex, statement, statement);
}

function childOfType(node: SyntaxNode, type: string): SyntaxNode | null {
  for (let i = 0; i < node.childCount; i++) if (node.child(i)!.type === type) return node.child(i);
  return null;
}

export const swiftIfStatements: IfStatementSpec = {
  ifWithCondition(node) {
    for (let n: SyntaxNode | null = node; n; n = n.parent) {
      const parent = n.parent;
      if (!parent) return null;
      if ((parent.type === 'if_statement' || parent.type === 'guard_statement') && isConditionOf(parent, n)) return parent;
      if (BOUNDARIES.has(n.type) || n.type.endsWith('_statement') || n.type.endsWith('_declaration')) return null;
    }
    return null;
  },
  previousInChain(ifNode) {
    const parent = ifNode.parent;
    return parent?.type === 'if_statement' && ifNode.previousSibling?.type === 'else' ? parent : null;
  },
  nextInChain(ifNode) {
    if (ifNode.type !== 'if_statement') return null;
    const next = childOfType(ifNode, 'else')?.nextSibling ?? null;
    return next?.type === 'if_statement' ? next : null;
  },
  consequence(ifNode) {
    // A guard's condition guards what follows; the block it runs otherwise is the one about the codes.
    if (ifNode.type === 'guard_statement') return blockFrom(ifNode, childOfType(ifNode, 'else')?.nextSibling ?? null);
    return blockFrom(ifNode, childOfType(ifNode, '{'));
  },
  elseBlock(ifNode) {
    if (ifNode.type !== 'if_statement') return null;
    return blockFrom(ifNode, childOfType(ifNode, 'else')?.nextSibling ?? null);
  },
};

function isFallthroughOnly(entry: SyntaxNode): boolean {
  const statements = entry.namedChildren.find((c) => c.type === 'statements');
  const body = statements?.namedChildren.filter((c) => c.type !== 'comment') ?? [];
  return body.length === 1 && body[0]!.text === 'fallthrough';
}

export const swiftSpec: LanguageSpec | undefined = {
  id: 'swift',
  grammarFor: (): GrammarId => 'swift',
  defaultPlatform: 'ios',
  lineComment: '//',
  valueAt: swiftValueAt,
  usageOf: swiftUsageOf,
  ifStatements: swiftIfStatements,
  caseBody(branch) {
    // Swift arms never fall through, except by an explicit `fallthrough`.
    for (let arm: SyntaxNode | null = branch; arm; arm = arm.nextNamedSibling) {
      if (arm.type !== 'switch_entry') continue;
      if (!isFallthroughOnly(arm)) return trimmed(arm);
    }
    return null;
  },
  defaultOf(dispatch) {
    const arm = dispatch.namedChildren.find((a) => a.type === 'switch_entry' && childOfType(a, 'default_keyword') !== null);
    return arm ? trimmed(arm) : null;
  },
};
