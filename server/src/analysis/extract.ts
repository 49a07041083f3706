/**
 * From candidate places in the text to code references grouped into handlers, using one language's
 * spec over the syntax tree. Trees stay inside this module: what it returns refers to nodes only
 * through their offsets.
 */
import type { Node, Tree } from 'web-tree-sitter';
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
  readonly root: Node;
  /** Where the handler ends when its links are not all inside `root` (Kotlin's `when { a -> …; b -> … }`). */
  readonly end?: number;
  readonly subject: string | null;
  readonly branchNode: Node;
  readonly label: TextRange;
  readonly body: Node | null;
  readonly fallback: Node | null;
  readonly template: string | null;
}

const EXPRESSION_GLUE = /binary|parenthesized|conjunction|disjunction|infix|equality|logical|prefix_expression|unary/u;

export class Extractor {
  readonly handlers = new Map<string, RawHandler>();
  private readonly constants = new Map<string, { code: number; range: TextRange; quoted: boolean }>();

  constructor(
    private readonly spec: LanguageSpec,
    private readonly tree: Tree,
    private readonly text: string,
    private readonly catalog: Catalog,
  ) {}

  /** Classifies every candidate, then every use of the constants found among them. */
  run(candidates: readonly TextCandidate[]): void {
    for (const candidate of candidates) this.visit(candidate.start, candidate.end, candidate.kind === 'name');
    for (const [name, constant] of this.constants) {
      const pattern = new RegExp(`(?<![\\w$])${escapeRegExp(name)}(?![\\w$])`, 'gu');
      for (const match of this.text.matchAll(pattern)) {
        if (match.index >= constant.range.start && match.index < constant.range.end) continue;
        this.visit(match.index, match.index + name.length, true, { name, ...constant });
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
      const leaf = this.tree.rootNode.descendantForIndex(start, start + match[0].length);
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

  private visit(
    start: number,
    end: number,
    isName: boolean,
    constant?: { name: string; code: number; range: TextRange; quoted: boolean },
  ): void {
    const leaf = this.tree.rootNode.descendantForIndex(start, end);
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
    if (!usage) return;
    if (usage.kind === 'constant') {
      if (!this.constants.has(usage.name)) {
        this.constants.set(usage.name, {
          code,
          range: { start: usage.declaration.startIndex, end: usage.declaration.endIndex },
          quoted: value.kind === 'string',
        });
      }
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
        comparisonTemplate: site.template,
      };
      this.handlers.set(site.handlerKey, handler);
    }
    handler.comparisonTemplate ??= site.template;
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

  /** Which handler and branch a use belongs to. */
  private siteOf(usage: Exclude<Usage, { kind: 'constant' }>, value: Node): Site {
    const { ifStatements } = this.spec;
    switch (usage.kind) {
      case 'comparison': {
        const subject = normalizeSubject(usage.subject?.text ?? null);
        const template = comparisonTemplate(usage.site, value);
        const ifNode = ifStatements.ifWithCondition(usage.site);
        if (ifNode) {
          let head = ifNode;
          for (let previous = ifStatements.previousInChain(head); previous; previous = ifStatements.previousInChain(head)) {
            head = previous;
          }
          let last = head;
          for (let next = ifStatements.nextInChain(last); next; next = ifStatements.nextInChain(last)) last = next;
          const consequence = ifStatements.consequence(ifNode);
          const fallback = ifStatements.elseBlock(last);
          return {
            handlerKey: `if:${head.id}:${subject ?? ''}`,
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
          handlerKey: `cmp:${top.id}:${subject ?? ''}`,
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

function rangeOf(node: Node): TextRange {
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
function comparisonTemplate(site: Node, value: Node): string | null {
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

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}
