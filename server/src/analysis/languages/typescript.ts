/**
 * TypeScript and JavaScript (tree-sitter-typescript; the tsx grammar also parses plain JavaScript).
 * Shapes: `code === -20202`, `res.code == "10010"`, `switch (res.code) { case 10010: … }`,
 * `{ "-20202": "…", [-40101]: "…" }`, `const NO_SIM = "-20202"`, `enum E { A = -20202 }`.
 */
import type { SyntaxNode } from '../parsing/syntax-tree';
import type { GrammarId } from '../parsing/parsers';
import { field, isEqualityOperator, otherOperand, plainStringContent, skipParentheses, unwrapParentheses } from './tree';
import type { LanguageSpec, Usage, ValueNode } from './spec';

const JS_EXTENSIONS = /\.(?:js|jsx|mjs|cjs|tsx)$/iu;

export function typescriptValueAt(leaf: SyntaxNode): ValueNode | null {
  let node: SyntaxNode | null = leaf;
  if (node.type === 'string_fragment') node = node.parent;
  if (!node) return null;
  switch (node.type) {
    case 'number': {
      const parent = node.parent;
      if (parent?.type === 'unary_expression' && field(parent, 'operator')?.type === '-') {
        return { node: parent, kind: 'number', value: `-${node.text}` };
      }
      return { node, kind: 'number', value: node.text };
    }
    case 'string': {
      const value = plainStringContent(node);
      return value === null ? null : { node, kind: 'string', value };
    }
    case 'identifier':
    case 'property_identifier':
      return { node, kind: 'identifier', value: node.text };
    default:
      return null;
  }
}

/** For a member access `E.NO_SIM` or `Codes.NO_SIM`, the whole member expression stands in the comparison. */
function widenMember(node: SyntaxNode): SyntaxNode {
  const parent = node.parent;
  if (parent?.type === 'member_expression' && field(parent, 'property')?.equals(node)) return parent;
  return node;
}

export function typescriptUsageOf(value: SyntaxNode): Usage | null {
  const operand = skipParentheses(widenMember(value));
  const parent = operand.parent;
  if (!parent) return null;
  switch (parent.type) {
    case 'binary_expression': {
      if (!isEqualityOperator(field(parent, 'operator')?.type)) return null;
      return { kind: 'comparison', subject: otherOperand(parent, operand), site: parent };
    }
    case 'switch_case': {
      if (!field(parent, 'value')?.equals(operand)) return null;
      const dispatch = parent.parent?.parent;
      if (dispatch?.type !== 'switch_statement') return null;
      return { kind: 'case', subject: unwrapParentheses(field(dispatch, 'value')), dispatch, branch: parent };
    }
    case 'pair':
      return field(parent, 'key')?.equals(operand) && parent.parent?.type === 'object'
        ? { kind: 'map-key', map: parent.parent, entry: parent }
        : null;
    case 'computed_property_name': {
      const pair = parent.parent;
      return pair?.type === 'pair' && pair.parent?.type === 'object'
        ? { kind: 'map-key', map: pair.parent, entry: pair }
        : null;
    }
    case 'array': {
      // new Map([['-20202', '…'], …]): the first element of each pair is a key.
      const pairs = parent.parent;
      const call = pairs?.parent?.parent;
      const isKey = parent.namedChildren[0]?.equals(operand) && parent.namedChildCount === 2;
      const isMap = call?.type === 'new_expression' && /^(?:Map|HashMap)$/u.test(field(call, 'constructor')?.text ?? '');
      return isKey && isMap && pairs?.type === 'array' ? { kind: 'map-key', map: pairs, entry: parent } : null;
    }
    case 'variable_declarator': {
      if (!field(parent, 'value')?.equals(operand)) return null;
      const name = field(parent, 'name');
      const declaration = parent.parent;
      const isConst = declaration?.type === 'lexical_declaration' && field(declaration, 'kind')?.type === 'const';
      return name?.type === 'identifier' && isConst && declaration ? { kind: 'constant', name: name.text, declaration } : null;
    }
    case 'public_field_definition': {
      // class Codes { static readonly NO_SIM = "-20202" }
      const name = field(parent, 'name');
      return field(parent, 'value')?.equals(operand) && name ? { kind: 'constant', name: name.text, declaration: parent } : null;
    }
    case 'enum_assignment': {
      const name = field(parent, 'name');
      return field(parent, 'value')?.equals(operand) && name ? { kind: 'constant', name: name.text, declaration: parent } : null;
    }
    default:
      return null;
  }
}

export const typescriptSpec: LanguageSpec = {
  id: 'typescript',
  grammarFor: (fileName: string): GrammarId => (JS_EXTENSIONS.test(fileName) ? 'tsx' : 'typescript'),
  defaultPlatform: null,
  lineComment: '//',
  valueAt: typescriptValueAt,
  usageOf: typescriptUsageOf,
  ifStatements: {
    ifWithCondition(node) {
      for (let n: SyntaxNode | null = node; n; n = n.parent) {
        const parent = n.parent;
        if (parent?.type === 'if_statement' && field(parent, 'condition')?.equals(n)) return parent;
        if (!n.parent || isStatement(n)) return null;
      }
      return null;
    },
    previousInChain(ifNode) {
      const elseClause = ifNode.parent;
      return elseClause?.type === 'else_clause' && elseClause.parent?.type === 'if_statement' ? elseClause.parent : null;
    },
    nextInChain(ifNode) {
      const body = field(ifNode, 'alternative')?.namedChildren[0] ?? null;
      return body?.type === 'if_statement' ? body : null;
    },
    consequence: (ifNode) => field(ifNode, 'consequence'),
    elseBlock(ifNode) {
      const alternative = field(ifNode, 'alternative');
      const body = alternative?.namedChildren[0] ?? null;
      return body && body.type !== 'if_statement' ? body : null;
    },
  },
  caseBody(branch) {
    // Empty cases fall through to the next case that has statements.
    for (let arm: SyntaxNode | null = branch; arm; arm = arm.nextNamedSibling) {
      if (arm.childrenForFieldName('body').length > 0) return arm;
      if (arm.type === 'switch_default') return arm;
    }
    return null;
  },
  defaultOf: (dispatch) =>
    field(dispatch, 'body')?.namedChildren.find((arm) => arm.type === 'switch_default') ?? null,
};

function isStatement(node: SyntaxNode): boolean {
  return node.type.endsWith('_statement') || node.type === 'statement_block' || node.type.endsWith('_declaration');
}
