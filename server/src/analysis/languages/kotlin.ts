/**
 * Kotlin (@tree-sitter-grammars/tree-sitter-kotlin; Android apps). Shapes: `errorCode == "-20303"`,
 * `"-20301".equals(errorCode)` / `errorCode?.equals("-20302")` (a `call_expression` over a
 * `navigation_expression`), `TextUtils.equals(code, "-20202")`, `code.toInt() == -40101`,
 * `when (errorCode) { "-20301", "-20302" -> …; else -> … }` (`when_expression(when_subject,
 * when_entry(condition…))`), a subject-less `when { code == "-20301" -> … }` read like an else-if
 * chain, `const val NO_SIM = "-20202"` and `val`s of objects and companions, enum entries whose first
 * argument is the code, `mapOf("-20202" to …)`, `put("-20202", …)` and `map["-20202"] = …` statements.
 * `if` is an expression whose branches have no field names: they are found around the `else` token.
 */
import type { SyntaxNode } from '../parsing/syntax-tree';
import type { GrammarId } from '../parsing/parsers';
import type { IfStatementSpec, LanguageSpec, Usage, ValueNode } from './spec';
import { comparisonWithZero, field, isEqualityOperator, literalValueAt, otherOperand, skipParentheses, unwrapParentheses, type LiteralTypes } from './tree';

const RECEIVER_EQUALS = new Set(['equals', 'equalsIgnoreCase', 'contentEquals']);
const STATIC_EQUALS = new Set(['equals', 'equalsIgnoreCase', 'areEqual']);
const MAP_BUILDERS = new Set(['mapOf', 'mutableMapOf', 'hashMapOf', 'linkedMapOf', 'sortedMapOf', 'arrayMapOf', 'persistentMapOf']);
/** Where statements live: a comparison's if condition is never found past one of these. */
const BOUNDARIES = new Set([
  'block',
  'statements',
  'lambda_literal',
  'annotated_lambda',
  'anonymous_function',
  'function_body',
  'function_declaration',
  'class_body',
  'enum_class_body',
  'source_file',
  'property_declaration',
  'assignment',
  'when_expression',
  'jump_expression',
  'return_expression',
]);

/** Only a plain "-20301" is a code literal: no interpolation, no escapes, not a """raw""" string. */
const KOTLIN_LITERALS: LiteralTypes = { stringContent: 'string_content', string: 'string_literal', integer: 'number_literal', signOperandField: 'argument' };

export function kotlinValueAt(leaf: SyntaxNode): ValueNode | null {
  return literalValueAt(leaf, KOTLIN_LITERALS);
}

/** The compared expression without what does not change it: `(x)`, `x as? String`, `x!!`. */
function subjectOf(node: SyntaxNode | null): SyntaxNode | null {
  let current = unwrapParentheses(node);
  for (;;) {
    if (current?.type === 'as_expression') current = unwrapParentheses(field(current, 'left'));
    else if (current?.type === 'unary_expression' && field(current, 'operator')?.type === '!!') current = unwrapParentheses(field(current, 'argument'));
    else return current;
  }
}

/** `Codes.USER_CANCEL`: the navigation whose last name is the constant stands where it is used. */
function widenNavigation(node: SyntaxNode): SyntaxNode {
  let current = node;
  for (let parent = current.parent; parent?.type === 'navigation_expression'; parent = current.parent) {
    const named = parent.namedChildren;
    if (named.length < 2 || !named.at(-1)!.equals(current)) break;
    current = parent;
  }
  return current;
}

/** Positional arguments of a call (`ignoreCase = true` is named, and skipped). */
function positionalArguments(list: SyntaxNode): SyntaxNode[] {
  return list.namedChildren.filter((a) => a.type === 'value_argument' && !a.children.some((c) => c.type === '='));
}

/** The expression inside a value_argument. */
function argumentValue(argument: SyntaxNode): SyntaxNode | null {
  return argument.namedChildren.at(-1) ?? null;
}

/** A call's callee: `name` for `name(…)`, and the receiver for `receiver.name(…)`. */
function calleeOf(call: SyntaxNode): { name: string; receiver: SyntaxNode | null } | null {
  const callee = call.namedChildren[0];
  if (!callee) return null;
  if (callee.type === 'identifier') return { name: callee.text, receiver: null };
  if (callee.type === 'navigation_expression') {
    const named = callee.namedChildren;
    const last = named.at(-1);
    if (named.length < 2 || last?.type !== 'identifier') return null;
    return { name: last.text, receiver: named[0]! };
  }
  return null;
}

function argumentsOfCall(call: SyntaxNode): SyntaxNode | null {
  return call.namedChildren.find((n) => n.type === 'value_arguments') ?? null;
}

/** A call or assignment standing as a statement: the block / lambda holding it. */
function statementContainer(node: SyntaxNode): SyntaxNode | null {
  const parent = node.parent;
  return parent && (parent.type === 'block' || parent.type === 'statements' || parent.type === 'lambda_literal') ? parent : null;
}

export function kotlinUsageOf(value: SyntaxNode): Usage | null {
  const operand = skipParentheses(widenNavigation(value));
  const parent = operand.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'binary_expression':
      if (!isEqualityOperator(field(parent, 'operator')?.type)) return null;
      return { kind: 'comparison', subject: subjectOf(otherOperand(parent, operand)), site: parent };
    case 'navigation_expression':
      return receiverUsage(parent, operand);
    case 'value_argument':
      return argumentUsage(parent);
    case 'infix_expression':
      return pairUsage(parent, operand);
    case 'when_entry': {
      if (!parent.childrenForFieldName('condition').some((c) => c.equals(operand))) return null;
      const dispatch = parent.parent;
      if (dispatch?.type !== 'when_expression') return null;
      const subject = whenSubject(dispatch);
      return subject ? { kind: 'case', subject, dispatch, branch: parent } : null;
    }
    case 'index_expression': {
      // map["-20202"] = "…" as a statement
      const assignment = parent.parent;
      if (assignment?.type !== 'assignment' || !field(assignment, 'left')?.equals(parent)) return null;
      const index = parent.namedChildren.slice(1);
      if (index.length !== 1 || !index[0]!.equals(operand)) return null;
      const map = statementContainer(assignment);
      return map ? { kind: 'map-key', map, entry: assignment } : null;
    }
    case 'property_declaration':
      return constantUsage(parent, operand);
    default:
      return null;
  }
}

/** `"-20301".equals(errorCode)`, `"-20301".compareTo(code) == 0`. */
function receiverUsage(navigation: SyntaxNode, operand: SyntaxNode): Usage | null {
  if (!navigation.namedChildren[0]?.equals(operand)) return null;
  const call = navigation.parent;
  if (call?.type !== 'call_expression' || !call.namedChildren[0]?.equals(navigation)) return null;
  const callee = calleeOf(call);
  const list = argumentsOfCall(call);
  if (!callee || !list) return null;
  const args = positionalArguments(list);
  if (args.length !== 1) return null;
  const subject = subjectOf(argumentValue(args[0]!));
  if (RECEIVER_EQUALS.has(callee.name)) return { kind: 'comparison', subject, site: call };
  if (callee.name === 'compareTo') {
    const site = comparisonWithZero(call, 'number_literal');
    return site ? { kind: 'comparison', subject, site } : null;
  }
  return null;
}

/** A value passed to a call: an equals helper, put, or an enum entry's code. */
function argumentUsage(argument: SyntaxNode): Usage | null {
  if (argument.children.some((c) => c.type === '=')) return null;
  const list = argument.parent;
  const call = list?.parent;
  if (list?.type !== 'value_arguments' || !call) return null;
  const args = positionalArguments(list);
  const index = args.findIndex((a) => a.equals(argument));
  if (index < 0) return null;
  if (call.type === 'enum_entry') {
    const name = call.namedChildren.find((n) => n.type === 'identifier');
    return index === 0 && name ? { kind: 'constant', name: name.text, declaration: call } : null;
  }
  if (call.type !== 'call_expression') return null;
  const callee = calleeOf(call);
  if (!callee) return null;
  if (args.length === 1 && callee.receiver && RECEIVER_EQUALS.has(callee.name)) {
    return { kind: 'comparison', subject: subjectOf(callee.receiver), site: call };
  }
  if (args.length === 1 && callee.receiver && callee.name === 'compareTo') {
    const site = comparisonWithZero(call, 'number_literal');
    return site ? { kind: 'comparison', subject: subjectOf(callee.receiver), site } : null;
  }
  if (args.length === 2 && STATIC_EQUALS.has(callee.name)) {
    return { kind: 'comparison', subject: subjectOf(argumentValue(args[1 - index]!)), site: call };
  }
  if ((callee.name === 'put' || callee.name === 'putIfAbsent') && args.length === 2 && index === 0) {
    const map = statementContainer(call);
    return map ? { kind: 'map-key', map, entry: call } : null;
  }
  return null;
}

/** `mapOf("-20202" to "…")`: the left side of a `to` pair inside a map builder. */
function pairUsage(infix: SyntaxNode, operand: SyntaxNode): Usage | null {
  const named = infix.namedChildren;
  if (named.length !== 3 || !named[0]!.equals(operand) || named[1]!.type !== 'identifier' || named[1]!.text !== 'to') return null;
  const argument = skipParentheses(infix).parent;
  const call = argument?.type === 'value_argument' ? argument.parent?.parent : null;
  if (call?.type !== 'call_expression') return null;
  const callee = calleeOf(call);
  return callee && MAP_BUILDERS.has(callee.name) ? { kind: 'map-key', map: call, entry: infix } : null;
}

/**
 * `const val NO_SIM = "-20202"`; a `val` at top level or in an object / companion; an UPPER_CASE `val`
 * of a class. Local variables are not constants (their names are too common to follow).
 */
function constantUsage(declaration: SyntaxNode, operand: SyntaxNode): Usage | null {
  const named = declaration.namedChildren;
  if (!named.at(-1)?.equals(operand) || !declaration.children.some((c) => c.type === '=')) return null;
  const variable = named.find((n) => n.type === 'variable_declaration');
  const name = variable?.namedChildren.find((n) => n.type === 'identifier')?.text;
  if (!name) return null;
  const modifiers = named.find((n) => n.type === 'modifiers');
  const isConst = modifiers?.text.split(/\s+/u).includes('const') ?? false;
  const isVal = declaration.children.some((c) => c.type === 'val');
  const owner = declaration.parent;
  const ownerKind = owner?.type === 'class_body' ? owner.parent?.type : owner?.type;
  const stable =
    isConst ||
    (isVal && (ownerKind === 'source_file' || ownerKind === 'object_declaration' || ownerKind === 'companion_object')) ||
    (isVal && ownerKind === 'class_declaration' && /^[A-Z][A-Z0-9_]*$/u.test(name));
  return stable ? { kind: 'constant', name, declaration } : null;
}

/** The expression a `when (…)` dispatches on (`when (val c = expr)` dispatches on expr); null without one. */
function whenSubject(when: SyntaxNode): SyntaxNode | null {
  const subject = when.namedChildren.find((n) => n.type === 'when_subject');
  return subject ? subjectOf(subject.namedChildren.at(-1) ?? null) : null;
}

function isElseEntry(entry: SyntaxNode): boolean {
  return entry.type === 'when_entry' && entry.children.some((c) => c.type === 'else');
}

/** The arm of a `when_entry` (what follows `->`). */
function entryBody(entry: SyntaxNode): SyntaxNode | null {
  let afterArrow = false;
  for (const child of entry.children) {
    if (child.type === '->') afterArrow = true;
    else if (afterArrow && child.isNamed) return child;
  }
  return null;
}

/** An if_expression's two branches, found around its `else` token (they have no field names). */
function ifBranches(ifNode: SyntaxNode): { consequence: SyntaxNode | null; alternative: SyntaxNode | null } {
  const condition = field(ifNode, 'condition');
  let consequence: SyntaxNode | null = null;
  let alternative: SyntaxNode | null = null;
  let pastCondition = false;
  let pastElse = false;
  for (const child of ifNode.children) {
    if (condition && child.equals(condition)) {
      pastCondition = true;
      continue;
    }
    if (child.type === 'else') {
      pastElse = true;
      continue;
    }
    if (!child.isNamed || !pastCondition || child.type.endsWith('comment')) continue;
    if (pastElse) {
      alternative ??= child;
    } else {
      consequence ??= child;
    }
  }
  return { consequence, alternative };
}

/** A subject-less `when { a == x -> …; a == y -> … }` reads like an else-if chain of its entries. */
function isChainEntry(node: SyntaxNode | null): node is SyntaxNode {
  return node?.type === 'when_entry' && !isElseEntry(node) && node.parent?.type === 'when_expression' && whenSubject(node.parent) === null;
}

export const kotlinIfStatements: IfStatementSpec = {
  ifWithCondition(node) {
    for (let n: SyntaxNode | null = node; n; n = n.parent) {
      const parent = n.parent;
      if (!parent || BOUNDARIES.has(n.type)) return null;
      if (parent.type === 'if_expression') return field(parent, 'condition')?.equals(n) ? parent : null;
      if (parent.type === 'when_entry') {
        const isCondition = parent.childrenForFieldName('condition').some((c) => c.equals(n));
        return isCondition && isChainEntry(parent) ? parent : null;
      }
    }
    return null;
  },
  previousInChain(ifNode) {
    if (ifNode.type === 'when_entry') {
      const previous = ifNode.previousNamedSibling;
      return isChainEntry(previous) ? previous : null;
    }
    const parent = ifNode.parent;
    return parent?.type === 'if_expression' && ifBranches(parent).alternative?.equals(ifNode) ? parent : null;
  },
  nextInChain(ifNode) {
    if (ifNode.type === 'when_entry') {
      const next = ifNode.nextNamedSibling;
      return isChainEntry(next) ? next : null;
    }
    const alternative = ifBranches(ifNode).alternative;
    return alternative?.type === 'if_expression' ? alternative : null;
  },
  consequence: (ifNode) => (ifNode.type === 'when_entry' ? entryBody(ifNode) : ifBranches(ifNode).consequence),
  elseBlock(ifNode) {
    if (ifNode.type === 'when_entry') {
      for (let next = ifNode.nextNamedSibling; next; next = next.nextNamedSibling) {
        if (isElseEntry(next)) return entryBody(next);
      }
      return null;
    }
    const alternative = ifBranches(ifNode).alternative;
    return alternative && alternative.type !== 'if_expression' ? alternative : null;
  },
};

export const kotlinSpec: LanguageSpec = {
  id: 'kotlin',
  grammarFor: (): GrammarId => 'kotlin',
  defaultPlatform: 'android',
  lineComment: '//',
  valueAt: kotlinValueAt,
  usageOf: kotlinUsageOf,
  ifStatements: kotlinIfStatements,
  // `when` arms never fall through.
  caseBody: (branch) => branch,
  defaultOf: (dispatch) => dispatch.namedChildren.find(isElseEntry) ?? null,
};
