/**
 * Java (tree-sitter-java; Android apps and Java servers). Shapes:
 * `"-20301".equals(errorCode)`, `errorCode.equals("-20302")`, `TextUtils.equals(code, "-20202")`,
 * `Objects.equals(a, b)`, `Integer.parseInt(code) == -40101`, `json.optInt("errorCode") == -20303`,
 * `switch (errorCode) { case "-20202": … }` (a switch *statement* parses as `switch_expression`; one
 * `switch_label` may hold several values; `case "-20301", "-20302" -> …` is a `switch_rule`),
 * `static final String USER_CANCEL = "-20301"`, interface constants, enum constants whose first
 * argument is the code, `Map.of("-20202", …)`, `Map.entry(…)` and `put("-20202", …)` statements.
 */
import type { SyntaxNode } from '../parsing/syntax-tree';
import type { GrammarId } from '../parsing/parsers';
import type { IfStatementSpec, LanguageSpec, Usage, ValueNode } from './spec';
import { comparisonWithZero, field, isEqualityOperator, literalValueAt, otherOperand, skipParentheses, unwrapParentheses, type LiteralTypes } from './tree';

/** `a.equals(b)`-style methods: the receiver and the single argument are compared. */
const RECEIVER_EQUALS = new Set(['equals', 'equalsIgnoreCase', 'contentEquals']);
/** `TextUtils.equals(a, b)`, `Objects.equals(a, b)`, `StringUtils.equals(a, b)`, Kotlin's `Intrinsics.areEqual`. */
const STATIC_EQUALS = new Set(['equals', 'equalsIgnoreCase', 'areEqual']);
/** Receivers of `of(k1, v1, k2, v2 …)` map factories. */
const MAP_FACTORY = /(?:^|\.)(?:Map|ImmutableMap|ImmutableSortedMap)$/u;

const JAVA_LITERALS: LiteralTypes = { stringContent: 'string_fragment', string: 'string_literal', integer: 'decimal_integer_literal', signOperandField: 'operand' };

export function javaValueAt(leaf: SyntaxNode): ValueNode | null {
  return literalValueAt(leaf, JAVA_LITERALS);
}

/** The compared expression without parentheses and casts: `(String) json.get("errorCode")`. */
function subjectOf(node: SyntaxNode | null): SyntaxNode | null {
  let current = unwrapParentheses(node);
  while (current?.type === 'cast_expression') current = unwrapParentheses(field(current, 'value'));
  return current;
}

/** `Codes.USER_CANCEL`: the whole field access stands where the constant is used. */
function widenFieldAccess(node: SyntaxNode): SyntaxNode {
  let current = node;
  while (current.parent?.type === 'field_access' && field(current.parent, 'field')?.equals(current)) current = current.parent;
  return current;
}

/** The arguments of an argument list (its named children, comments excluded). */
function argumentsOf(list: SyntaxNode | null): SyntaxNode[] {
  return list ? list.namedChildren.filter((n) => n.type !== 'line_comment' && n.type !== 'block_comment') : [];
}

/** A call used as a statement on its own (`MESSAGES.put("-20202", "…");`), and the block it sits in. */
function statementBlock(invocation: SyntaxNode): SyntaxNode | null {
  const statement = invocation.parent;
  if (statement?.type !== 'expression_statement') return null;
  return statement.parent;
}

export function javaUsageOf(value: SyntaxNode): Usage | null {
  const operand = skipParentheses(widenFieldAccess(value));
  const parent = operand.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'binary_expression':
      if (!isEqualityOperator(field(parent, 'operator')?.type)) return null;
      return { kind: 'comparison', subject: subjectOf(otherOperand(parent, operand)), site: parent };
    case 'method_invocation':
      return receiverUsage(parent, operand);
    case 'argument_list':
      return argumentUsage(parent, operand);
    case 'switch_label': {
      const branch = parent.parent;
      if (branch?.type !== 'switch_block_statement_group' && branch?.type !== 'switch_rule') return null;
      const dispatch = branch.parent?.parent;
      if (dispatch?.type !== 'switch_expression') return null;
      return { kind: 'case', subject: subjectOf(field(dispatch, 'condition')), dispatch, branch };
    }
    case 'variable_declarator': {
      if (!field(parent, 'value')?.equals(operand)) return null;
      const name = field(parent, 'name');
      const declaration = parent.parent;
      if (!name || !declaration || !isConstantDeclaration(declaration)) return null;
      return { kind: 'constant', name: name.text, declaration };
    }
    default:
      return null;
  }
}

/** `"-20301".equals(errorCode)`, `"-20301".compareTo(code) == 0`. */
function receiverUsage(invocation: SyntaxNode, operand: SyntaxNode): Usage | null {
  if (!field(invocation, 'object')?.equals(operand)) return null;
  const name = field(invocation, 'name')?.text ?? '';
  const args = argumentsOf(field(invocation, 'arguments'));
  if (args.length !== 1) return null;
  if (RECEIVER_EQUALS.has(name)) return { kind: 'comparison', subject: subjectOf(args[0]!), site: invocation };
  if (name === 'compareTo' || name === 'compareToIgnoreCase') {
    const site = comparisonWithZero(invocation, 'decimal_integer_literal');
    return site ? { kind: 'comparison', subject: subjectOf(args[0]!), site } : null;
  }
  return null;
}

/** A value passed to a call: an equals helper, a map factory or put, an enum constant's code. */
function argumentUsage(list: SyntaxNode, operand: SyntaxNode): Usage | null {
  const call = list.parent;
  if (!call) return null;
  const args = argumentsOf(list);
  const index = args.findIndex((a) => a.equals(operand));
  if (index < 0) return null;
  if (call.type === 'enum_constant') {
    const name = field(call, 'name');
    const declaration = call;
    return index === 0 && name ? { kind: 'constant', name: name.text, declaration } : null;
  }
  if (call.type !== 'method_invocation') return null;
  const name = field(call, 'name')?.text ?? '';
  const receiver = field(call, 'object');
  if (args.length === 1 && receiver && RECEIVER_EQUALS.has(name)) {
    return { kind: 'comparison', subject: subjectOf(receiver), site: call };
  }
  if (args.length === 1 && receiver && (name === 'compareTo' || name === 'compareToIgnoreCase')) {
    const site = comparisonWithZero(call, 'decimal_integer_literal');
    return site ? { kind: 'comparison', subject: subjectOf(receiver), site } : null;
  }
  if (args.length === 2 && STATIC_EQUALS.has(name)) {
    return { kind: 'comparison', subject: subjectOf(args[1 - index]!), site: call };
  }
  // Map.of("-20202", "…", "-20203", "…"): keys stand at even positions.
  if (name === 'of' && receiver && MAP_FACTORY.test(receiver.text) && args.length % 2 === 0 && index % 2 === 0) {
    return { kind: 'map-key', map: call, entry: operand };
  }
  // Map.entry("-20202", "…"), alone or inside Map.ofEntries(…).
  if (name === 'entry' && (!receiver || MAP_FACTORY.test(receiver.text)) && args.length === 2 && index === 0) {
    const outer = call.parent?.type === 'argument_list' ? call.parent.parent : null;
    const map = outer?.type === 'method_invocation' && field(outer, 'name')?.text === 'ofEntries' ? outer : call;
    return { kind: 'map-key', map, entry: call };
  }
  // MESSAGES.put("-20202", "…"); or put(…) in a double-brace initialiser: the puts of one block form one map.
  if ((name === 'put' || name === 'putIfAbsent') && args.length === 2 && index === 0) {
    const block = statementBlock(call);
    return block ? { kind: 'map-key', map: block, entry: call } : null;
  }
  return null;
}

/** `static final` fields (any final field), interface constants. Local variables are not constants. */
function isConstantDeclaration(declaration: SyntaxNode): boolean {
  if (declaration.type === 'constant_declaration') return true;
  if (declaration.type !== 'field_declaration') return false;
  const modifiers = declaration.namedChildren.find((n) => n.type === 'modifiers');
  return modifiers?.children.some((m) => m.type === 'final') ?? false;
}

/** Nodes an if condition cannot reach past while climbing from a comparison. */
function isStatementBoundary(node: SyntaxNode): boolean {
  return (
    node.type.endsWith('_statement') ||
    node.type.endsWith('_declaration') ||
    node.type === 'block' ||
    node.type === 'lambda_expression' ||
    node.type === 'switch_block_statement_group' ||
    node.type === 'switch_rule' ||
    node.type === 'class_body'
  );
}

export const javaIfStatements: IfStatementSpec = {
  ifWithCondition(node) {
    for (let n: SyntaxNode | null = node; n; n = n.parent) {
      const parent = n.parent;
      if (parent?.type === 'if_statement' && field(parent, 'condition')?.equals(n)) return parent;
      if (!parent || isStatementBoundary(n)) return null;
    }
    return null;
  },
  previousInChain(ifNode) {
    const parent = ifNode.parent;
    return parent?.type === 'if_statement' && field(parent, 'alternative')?.equals(ifNode) ? parent : null;
  },
  nextInChain(ifNode) {
    const alternative = field(ifNode, 'alternative');
    return alternative?.type === 'if_statement' ? alternative : null;
  },
  consequence: (ifNode) => field(ifNode, 'consequence'),
  elseBlock(ifNode) {
    const alternative = field(ifNode, 'alternative');
    return alternative && alternative.type !== 'if_statement' ? alternative : null;
  },
};

function isDefaultArm(arm: SyntaxNode): boolean {
  return arm.namedChildren.some((label) => label.type === 'switch_label' && label.children.some((c) => c.type === 'default'));
}

export const javaSpec: LanguageSpec = {
  id: 'java',
  grammarFor: (): GrammarId => 'java',
  defaultPlatform: 'android',
  lineComment: '//',
  valueAt: javaValueAt,
  usageOf: javaUsageOf,
  ifStatements: javaIfStatements,
  caseBody(branch) {
    // `case A -> …` never falls through; `case A:` with no statements falls through to the next group.
    if (branch.type === 'switch_rule') return branch;
    for (let arm: SyntaxNode | null = branch; arm; arm = arm.nextNamedSibling) {
      if (arm.type !== 'switch_block_statement_group') continue;
      if (arm.namedChildren.some((n) => n.type !== 'switch_label' && !n.type.endsWith('comment'))) return arm;
    }
    return null;
  },
  defaultOf: (dispatch) => field(dispatch, 'body')?.namedChildren.find(isDefaultArm) ?? null,
};
