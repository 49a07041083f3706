/**
 * From candidate places in the text to code references grouped into handlers, using one language's
 * spec over the syntax tree. Trees stay inside this module: what it returns refers to nodes only
 * through their offsets.
 */
import type { SyntaxNode, SyntaxTree } from './parsing/syntax-tree';
import type { Catalog } from '../catalog/catalog';
import type { LanguageSpec, Usage } from './languages/spec';
import { codeOfSdkName, type TextCandidate } from './prefilter';
import type { HandlerKind, ReferenceForm, TextRange } from './types';

/** A code reference before its handler is judged. */
export interface RawReference {
  readonly range: TextRange;
  readonly code: number;
  readonly text: string;
  readonly form: ReferenceForm;
  readonly declaredAt: TextRange | null;
  /** The code is written as a string literal ("-20301") somewhere along the way. */
  readonly quoted: boolean;
}

export interface RawBranch {
  readonly key: number;
  readonly references: RawReference[];
  readonly label: TextRange;
  readonly body: TextRange | null;
  readonly bodyText: string;
}

export interface RawHandler {
  readonly key: string;
  readonly kind: HandlerKind;
  range: TextRange;
  readonly subject: string | null;
  readonly branches: RawBranch[];
  readonly fallback: TextRange | null;
  comparisonTemplate: string | null;
}

interface Site {
  readonly handlerKey: string;
  readonly kind: HandlerKind;
  readonly root: SyntaxNode;
  /** Where the handler ends when its links are not all inside `root` (Kotlin's `when { a -> …; b -> … }`). */
  readonly end?: number;
  readonly subject: string | null;
  readonly branchNode: SyntaxNode;
  readonly label: TextRange;
  readonly body: SyntaxNode | null;
  readonly fallback: SyntaxNode | null;
  /** The comparison as written with a `${code}` hole, worked out only if the handler has none yet. */
  readonly template: (() => string | null) | null;
}

const EXPRESSION_GLUE = /binary|parenthesized|conjunction|disjunction|infix|equality|logical|prefix_expression|unary/u;

/** A named constant whose value is a code (`static final String NO_SIM = "-20202"`). */
export interface ConstantDeclaration {
  readonly name: string;
  readonly code: number;
  /** The declaration's range. */
  readonly range: TextRange;
  /** The value is written as a string literal. */
  readonly quoted: boolean;
}

interface Chain {
  readonly head: SyntaxNode;
  readonly last: SyntaxNode;
  readonly fallback: SyntaxNode | null;
}

export class Extractor {
  readonly handlers = new Map<string, RawHandler>();
  private readonly chains = new Map<number, Chain>();
  private readonly text: string;

  constructor(
    private readonly spec: LanguageSpec,
    private readonly tree: SyntaxTree,
    private readonly catalog: Catalog,
  ) {
    this.text = tree.source;
  }

  /** The constants among the candidates whose value is a code, in document order. */
  declaredConstants(candidates: readonly TextCandidate[]): ConstantDeclaration[] {
    const found: ConstantDeclaration[] = [];
    for (const candidate of candidates) {
      if (candidate.kind === 'digits' && mayInitialise(this.text, candidate.start)) {
        this.visit(candidate.start, candidate.end, false, undefined, found);
      }
    }
    return found;
  }

  /** Classifies the candidates, and every use of `constants` between `from` and `to`. */
  run(candidates: readonly TextCandidate[], constants: readonly ConstantDeclaration[], from = 0, to = this.text.length): void {
    for (const candidate of candidates) this.visit(candidate.start, candidate.end, candidate.kind === 'name');
    if (constants.length === 0) return;
    const region = this.text.slice(from, to);
    for (const constant of constants) {
      const pattern = new RegExp(`(?<![\\w$])${escapeRegExp(constant.name)}(?![\\w$])`, 'gu');
      for (const match of region.matchAll(pattern)) {
        const at = from + match.index;
        if (at >= constant.range.start && at < constant.range.end) continue;
        this.visit(at, at + constant.name.length, true, constant);
      }
    }
  }

  /**
   * Looks for sibling comparisons in a handler whose codes are not in the catalog (a mistyped
   * -20209), so the unknown-code rule can suggest the real one.
   */
  addSiblingLiterals(handler: RawHandler, isCandidate: (code: number) => boolean): void {
    const source = this.text.slice(handler.range.start, handler.range.end);
    for (const match of source.matchAll(/(?<![\w.$#])\d{3,6}(?![\w.])/gu)) {
      const start = handler.range.start + match.index;
      const known = handler.branches.some((b) => b.references.some((r) => r.range.start <= start && start < r.range.end));
      if (known) continue;
      const leaf = this.tree.descendantForIndex(start, start + match[0].length);
      const value = leaf && this.spec.valueAt(leaf);
      if (!value || value.kind === 'identifier') continue;
      const code = parseCode(value.value);
      if (code === null || this.catalog.has(code) || !isCandidate(code)) continue;
      const usage = this.spec.usageOf(value.node);
      const site = usage && usage.kind !== 'constant' ? this.siteOf(usage, value.node) : null;
      if (site?.handlerKey !== handler.key) continue;
      this.addReference(site, {
        range: { start: value.node.startIndex, end: value.node.endIndex },
        code,
        text: value.node.text,
        form: value.kind,
        declaredAt: null,
        quoted: value.kind === 'string',
      });
    }
  }

  /** Records a reference for the value at [start, end), or, when `constants` is given, only constant declarations. */
  private visit(start: number, end: number, isName: boolean, constant?: ConstantDeclaration, constants?: ConstantDeclaration[]): void {
    const leaf = this.tree.descendantForIndex(start, end);
    if (!leaf) return;
    const value = this.spec.valueAt(leaf);
    if (!value) return;
    let code: number | null;
    let form: ReferenceForm;
    if (constant) {
      if (value.kind !== 'identifier' || value.value !== constant.name) return;
      code = constant.code;
      form = 'constant';
    } else if (isName) {
      if (value.kind !== 'identifier') return;
      code = codeOfSdkName(value.value, this.catalog);
      form = 'symbol';
    } else {
      if (value.kind === 'identifier') return;
      code = parseCode(value.value);
      form = value.kind;
    }
    if (code === null || (form !== 'constant' && form !== 'symbol' && !this.catalog.has(code))) return;

    const usage = this.spec.usageOf(value.node);
    if (!usage || (constants !== undefined) !== (usage.kind === 'constant')) return;
    if (usage.kind === 'constant') {
      const range = { start: usage.declaration.startIndex, end: usage.declaration.endIndex };
      constants!.push({ name: usage.name, code, range, quoted: value.kind === 'string' });
      return;
    }
    const site = this.siteOf(usage, value.node);
    this.addReference(site, {
      range: { start: value.node.startIndex, end: value.node.endIndex },
      code,
      text: value.node.text,
      form,
      declaredAt: constant?.range ?? null,
      quoted: value.kind === 'string' || (constant?.quoted ?? false),
    });
  }

  private addReference(site: Site, reference: RawReference): void {
    let handler = this.handlers.get(site.handlerKey);
    if (!handler) {
      handler = {
        key: site.handlerKey,
        kind: site.kind,
        range: { start: site.root.startIndex, end: Math.max(site.root.endIndex, site.end ?? 0) },
        subject: site.subject,
        branches: [],
        fallback: site.fallback ? rangeOf(site.fallback) : null,
        comparisonTemplate: site.template?.() ?? null,
      };
      this.handlers.set(site.handlerKey, handler);
    }
    handler.comparisonTemplate ??= site.template?.() ?? null;
    let branch = handler.branches.find((b) => b.key === site.branchNode.id);
    if (!branch) {
      branch = {
        key: site.branchNode.id,
        references: [],
        label: site.label,
        body: site.body ? rangeOf(site.body) : null,
        bodyText: site.body?.text ?? '',
      };
      handler.branches.push(branch);
      handler.branches.sort((a, b) => a.label.start - b.label.start);
    }
    if (!branch.references.some((r) => r.range.start === reference.range.start)) branch.references.push(reference);
  }

  /** The ends of the else-if chain holding `ifNode`, computed once per chain. */
  private chainOf(ifNode: SyntaxNode): Chain {
    const known = this.chains.get(ifNode.id);
    if (known) return known;
    const { ifStatements } = this.spec;
    let head = ifNode;
    for (let previous = ifStatements.previousInChain(head); previous; previous = ifStatements.previousInChain(head)) head = previous;
    let chain = this.chains.get(head.id);
    if (!chain) {
      let last = head;
      for (let next = ifStatements.nextInChain(last); next; next = ifStatements.nextInChain(last)) last = next;
      chain = { head, last, fallback: ifStatements.elseBlock(last) };
      this.chains.set(head.id, chain);
    }
    this.chains.set(ifNode.id, chain);
    return chain;
  }

  /** Which handler and branch a use belongs to. */
  private siteOf(usage: Exclude<Usage, { kind: 'constant' }>, value: SyntaxNode): Site {
    const { ifStatements } = this.spec;
    switch (usage.kind) {
      case 'comparison': {
        const subject = normalizeSubject(usage.subject?.text ?? null);
        const template = () => comparisonTemplate(usage.site, value);
        const ifNode = ifStatements.ifWithCondition(usage.site);
        if (ifNode) {
          const { head, last, fallback } = this.chainOf(ifNode);
          const consequence = ifStatements.consequence(ifNode);
          return {
            handlerKey: `if:${head.id}:${fieldOf(subject)}`,
            kind: 'if-chain',
            root: head,
            end: Math.max(last.endIndex, fallback?.endIndex ?? 0),
            subject,
            branchNode: ifNode,
            label: { start: ifNode.startIndex, end: consequence?.startIndex ?? usage.site.endIndex },
            body: consequence,
            fallback,
            template,
          };
        }
        let top = usage.site;
        while (top.parent && EXPRESSION_GLUE.test(top.parent.type)) top = top.parent;
        return {
          handlerKey: `cmp:${top.id}:${fieldOf(subject)}`,
          kind: 'comparison',
          root: top,
          subject,
          branchNode: usage.site,
          label: rangeOf(usage.site),
          body: null,
          fallback: null,
          template,
        };
      }
      case 'case': {
        const body = this.spec.caseBody(usage.branch);
        return {
          handlerKey: `switch:${usage.dispatch.id}`,
          kind: usage.dispatch.type.includes('when') ? 'when' : 'switch',
          root: usage.dispatch,
          subject: normalizeSubject(usage.subject?.text ?? null),
          branchNode: body ?? usage.branch,
          label: rangeOf(usage.branch),
          body,
          fallback: this.spec.defaultOf(usage.dispatch),
          template: null,
        };
      }
      case 'map-key':
        return {
          handlerKey: `map:${usage.map.id}`,
          kind: 'map',
          root: usage.map,
          subject: null,
          branchNode: usage.entry,
          label: rangeOf(usage.entry),
          body: usage.entry,
          fallback: null,
          template: null,
        };
    }
  }
}

function rangeOf(node: SyntaxNode): TextRange {
  return { start: node.startIndex, end: node.endIndex };
}

/** A code as written: "-20202", "20202", "+80001"; anything else is not a code. */
export function parseCode(value: string): number | null {
  return /^[-+]?\d{2,9}$/u.test(value) ? Number(value) : null;
}

/**
 * The comparison as written with `${code}` where the code's digits stand, keeping quotes and
 * prefixes (`@"…"`, `'…'`): the form a fix repeats for another code.
 */
function comparisonTemplate(site: SyntaxNode, value: SyntaxNode): string | null {
  // A name holds no code as written, even when it has digits (OLErrorCode_20302).
  if (/^[\p{L}_$]/u.test(value.text)) return null;
  const siteText = site.text;
  const valueStart = value.startIndex - site.startIndex;
  const digits = /-?\s*\d+/u.exec(value.text);
  if (!digits) return null;
  const start = valueStart + digits.index;
  return `${siteText.slice(0, start)}\${code}${siteText.slice(start + digits[0].length)}`;
}

/** Conversions that do not change what is compared: `Integer.parseInt(code)` compares `code`. */
const SUBJECT_WRAPPERS: readonly RegExp[] = [
  /^(.+?) as[?!]? [\w.<>[\]]+$/u,
  /^(?:Integer\.parseInt|Integer\.valueOf|Long\.parseLong|Number|parseInt|String|Int|Int32|NSNumber)\((.+?)(?:,\d+)?\)$/u,
  /^\[(.+?) (?:integerValue|intValue|stringValue)\]$/u,
  /^(.+?)\.(?:toInt|toIntOrNull|toString|intValue|integerValue|trim)\(\)$/u,
  /^(.+?)(?:\.intValue|\.integerValue|!!|!)$/u,
];

export function normalizeSubject(text: string | null): string | null {
  if (text === null) return null;
  let subject = text.replace(/\s+/gu, ' ').trim();
  for (let changed = true; changed; ) {
    changed = false;
    for (const wrapper of SUBJECT_WRAPPERS) {
      const inner = wrapper.exec(subject)?.[1];
      if (inner) {
        subject = inner;
        changed = true;
      }
    }
  }
  subject = subject.replace(/ ?([.,()[\]]) ?/gu, '$1');
  return subject.length > 80 ? subject.slice(0, 80) : subject;
}

/**
 * Whether the literal at `offset` can be a constant's value: it follows an assignment
 * (`NO_SIM = "-20202"`, `case userBack = "-20301"`, `A = -20202`) or opens an enum constant's
 * arguments (`USER_CANCEL("-20301")`). A cheap text test that spares a tree lookup for the many
 * literals in comparisons and case labels.
 */
function mayInitialise(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && /[\s"'`@\-+]/u.test(text[i]!) && text[i] !== '\n') i--;
  const before = text[i];
  if (before === '=') return !/[=!<>]/u.test(text[i - 1] ?? '');
  if (before === '(') return /[A-Z][A-Z0-9_]*$/u.test(text.slice(Math.max(0, i - 64), i));
  return false;
}

/**
 * The field a subject reads, so that one chain comparing `errorCode`, `json.optInt("errorCode")` and
 * `result["errorCode"]` is one handler, while `status` checks in the same chain stay apart.
 */
export function fieldOf(subject: string | null): string {
  if (subject === null) return '';
  const keyed = /["'](\w+)["']\)?\]?$/u.exec(subject);
  if (keyed) return keyed[1]!;
  const member = /([A-Za-z_$][\w$]*)\)?$/u.exec(subject);
  return member ? member[1]! : subject;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
