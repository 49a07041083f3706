/**
 * The analysis pipeline for one file: text → prefilter → tree → code references → handlers →
 * recognition → rule findings. Pure apart from parsing; returns plain data (see types.ts).
 */
import type { Edit, Tree } from 'web-tree-sitter';
import type { Candidate, Catalog } from '../catalog/catalog';
import { detectFileContext, mentionsSdk, touchesSignals } from './context';
import { chunkRanges, type ChunkList } from './chunks';
import { Extractor, type ConstantDeclaration, type RawHandler } from './extract';
import { changedSpan, editBetween, type ChangedSpan, type KnownPoint } from './parsing/edit';
import { specFor } from './languages';
import { rewrittenText, type PreparedText } from './languages/spec';
import type { Parsers } from './parsing/parsers';
import { SyntaxTree } from './parsing/syntax-tree';
import { prefilter, prefilterAfterEdit, type Prefilter, type TextCandidate } from './prefilter';
import { recognize, type AnalysisSettings, type Recognition } from './recognize';
import { RULES } from './rules';
import type { Analysis, Branch, CodeReference, FileContext, Finding, Handler, SourceLanguage, TextRange } from './types';
import { byCodeUnit } from '../util/compare';

export interface AnalyzeInput {
  readonly text: string;
  readonly language: SourceLanguage;
  /** Used to pick a grammar variant (.tsx, .js) and in messages. */
  readonly fileName: string;
  readonly settings?: AnalysisSettings;
  /** The previous tree of this document and the text it was parsed for, for an incremental parse. */
  readonly reuse?: { readonly tree: Tree; readonly text: string } | null;
  readonly parseBudgetMs?: number;
  /** What earlier analyses of this document learned, so unchanged parts are not analysed again. */
  readonly memo?: AnalysisMemo;
}

export interface AnalyzeOutput {
  readonly analysis: Analysis;
  /** The new tree, owned by the caller (delete() it, or keep it for the next incremental parse). */
  readonly tree: Tree | null;
}

/** Reading the carrier's own code: the metadata object or a carrier-code key. */
const READS_CARRIER_CODE = /metadata|operator_?error_?code|resultCode|result_code|carrierCode/iu;

/** An analysis with nothing in it; `skipped` says why, when there is a reason to tell. */
export function emptyAnalysis(language: SourceLanguage, skipped: string | null = null, context?: FileContext): Analysis {
  return {
    language,
    context: context ?? { language, sdkProducts: [], platform: null, lookAlike: null },
    references: [],
    handlers: [],
    findings: [],
    skipped,
  };
}

/** The answer for a file with nothing to report (the context is only worked out for parsed files). */
function nothing(language: SourceLanguage, skipped: string | null = null, context?: FileContext): AnalyzeOutput {
  return { analysis: emptyAnalysis(language, skipped, context), tree: null };
}

export async function analyze(input: AnalyzeInput, catalog: Catalog, parsers: Parsers): Promise<AnalyzeOutput> {
  const { text, language } = input;
  const settings = input.settings ?? {};
  const spec = specFor(language);
  if (!spec) return nothing(language, `no analysis for ${language} yet`);
  const memo = input.memo ?? new AnalysisMemo();
  const { found, change: textChange, previousText } = memo.prefilter(text, catalog);
  if (!worthParsing(found, text, settings)) return nothing(language);

  const previousPrepared = memo.prepared;
  const prepared = !spec.prepare
    ? null
    : previousPrepared?.next && textChange && previousPrepared.text === previousText
      ? previousPrepared.next(text, textChange)
      : spec.prepare(text);
  memo.prepared = prepared;
  // What node offsets are read against (the text itself, unless the rewrite moves names).
  const nodeText = prepared?.nodeText ?? text;
  let oldTree: Tree | null = null;
  let edit: Edit | null = null;
  if (input.reuse) {
    const last = input.reuse.text === previousText && textChange ? { change: textChange, prepared: previousPrepared } : null;
    // The previous edit's start is where it is in this text too (nothing before it changed then).
    const known = memo.lastEdit?.text === input.reuse.text ? memo.lastEdit : null;
    edit = parserEdit(input.reuse.text, text, prepared, last, spec.prepare, known);
    memo.lastEdit = { text, offset: edit.startIndex, point: edit.startPosition };
    input.reuse.tree.edit(edit);
    oldTree = input.reuse.tree;
  }
  const context = contextAfterEdit(memo, input.reuse?.text, text, edit) ?? detectFileContext(text, language);
  memo.context = context;
  const parsed = await parsers.parse(spec.grammarFor(input.fileName), prepared ?? text, oldTree, input.parseBudgetMs);
  if (!parsed.tree) {
    const reason = `parse of ${input.fileName} took over ${Math.round(parsed.milliseconds)} ms and was stopped`;
    return nothing(language, reason, context);
  }

  // Where the syntax changed: only there can a chunk with known text mean something new (an opened
  // comment turns the code after it into a comment without changing its text). Without an old tree,
  // everything may have changed.
  const changed = oldTree && edit ? [...oldTree.getChangedRanges(parsed.tree), { startIndex: edit.startIndex, endIndex: edit.newEndIndex }] : null;
  const moved = changed && memo.chunkList ? chunksAfterEdit(memo.chunkList, edit!, changed) : null;
  const chunks = moved?.chunks ?? chunkRanges(new SyntaxTree(parsed.tree, nodeText).rootNode);
  const byChunk = partition(found.candidates, chunks);
  const candidatesOf = (i: number) => found.candidates.slice(byChunk.from[i], byChunk.to[i]);
  const hasCandidates = (i: number) => byChunk.to[i]! > byChunk.from[i]!;
  // A view of the tree per chunk: its nodes die with the chunk's extraction, young, instead of all
  // surviving to the end of the analysis (which made V8's young-generation collections copy them).
  const extractor = () => new Extractor(spec, new SyntaxTree(parsed.tree!, nodeText), catalog);
  // What outlives this version in the memo must not hold slices of its text (see `copied`).
  const keep = input.reuse ? Detach : KeepAsIs;
  // The memo answers for a chunk only where the syntax is as it was when the answer was worked out,
  // and not while the file has syntax errors (error recovery can read the same text differently).
  const trusted = changed !== null && !parsed.tree.rootNode.hasError;
  const reusable = (i: number) => {
    if (!trusted) return false;
    for (const r of changed) if (r.startIndex <= chunks.end(i) && r.endIndex >= chunks.start(i)) return false;
    return true;
  };
  // Results hold under one file context and settings; a change of either works them out afresh.
  const contextKey = JSON.stringify([context, settings]);
  const resultsHold = memo.contextKey === contextKey;
  // A chunk the edit did not touch keeps its memory. Chunks found afresh take over the memory of a
  // previous chunk with the same text. Memories are made when a chunk is first looked at (most chunks
  // hold no candidate and are never looked at).
  const previous = memo.chunks;
  const current: (ChunkMemory | undefined)[] = moved ? previous.map((memory, i) => (i === moved.edited ? undefined : memory)) : [];
  let previousByText: Map<string, ChunkMemory> | undefined;
  const memoryOf = (i: number): ChunkMemory => {
    let memory = current[i];
    if (!memory) {
      const text = keep.text(nodeText.slice(chunks.start(i), chunks.end(i)));
      previousByText ??= new Map(moved ? [] : previous.flatMap((m) => (m ? [[m.text, m] as const] : [])));
      const known = previousByText.get(text);
      memory = current[i] = { text, constants: known?.constants, result: known?.result };
    }
    return memory;
  };

  // Constants first: a constant declared in one chunk may be compared in another.
  const constants: ConstantDeclaration[] = [];
  for (let i = 0; i < chunks.length; i++) {
    if (!hasCandidates(i)) continue;
    const memory = memoryOf(i);
    if (!memory.constants || !reusable(i)) {
      memory.constants = keep.constants(relative(extractor().declaredConstants(candidatesOf(i)), chunks.start(i)));
    }
    for (const constant of memory.constants) {
      if (!constants.some((c) => c.name === constant.name)) constants.push(shiftConstant(constant, chunks.start(i)));
    }
  }

  const placements: Placement[] = [];
  const findings: Finding[] = [];
  let handlerCount = 0;
  for (let i = 0; i < chunks.length; i++) {
    const used = constants.length === 0 ? constants : constants.filter((c) => memoryOf(i).text.includes(c.name));
    if (!hasCandidates(i) && used.length === 0) continue;
    const memory = memoryOf(i);
    const uses = used.length === 0 ? '' : used.map((c) => `${c.name}=${c.code}@${c.range.start}`).join(',');
    if (!memory.result || memory.result.uses !== uses || !resultsHold || !reusable(i)) {
      memory.result = { uses, value: keep.result(analyzeChunk(extractor(), candidatesOf(i), used, chunks.range(i), context, settings, catalog)) };
    }
    const result = memory.result.value;
    // References and findings all belong to handlers.
    if (result.handlers.length === 0) continue;
    const delta = chunks.start(i) - result.origin;
    const base = handlerCount;
    handlerCount += result.handlers.length;
    const placed = memory.placed?.result === result && memory.placed.delta === delta && memory.placed.base === base ? memory.placed : new Placement(result, delta, base);
    memory.placed = placed;
    placements.push(placed);
    appendTo(findings, placed.findings);
  }
  memo.remember(chunks, current, contextKey);
  return { analysis: assemble(language, context, placements, findings), tree: parsed.tree };
}

/**
 * The analysis from its chunks' placements. Findings are gathered now; handlers and references when
 * first read: publishing diagnostics after an edit reads only the findings, and every chunk after the
 * edit has moved.
 */
function assemble(language: SourceLanguage, context: FileContext, placements: readonly Placement[], findings: readonly Finding[]): Analysis {
  let handlers: Handler[] | undefined;
  let references: CodeReference[] | undefined;
  const gather = <T>(list: (placement: Placement) => readonly T[]): T[] => {
    const all: T[] = [];
    for (const placement of placements) appendTo(all, list(placement));
    return all;
  };
  return {
    language,
    context,
    get references() {
      return (references ??= gather((p) => p.references));
    },
    get handlers() {
      return (handlers ??= gather((p) => p.handlers));
    },
    findings,
    skipped: null,
  };
}

/**
 * The tree edit from what the parser read for `before` to what it reads for `after`. When `before` is
 * the text seen last, its change is known, and a rewrite made from the previous one says where its
 * output can differ, so only that part is compared. Otherwise the parser's inputs are compared whole.
 */
function parserEdit(
  before: string,
  after: string,
  prepared: PreparedText | null,
  last: { readonly change: ChangedSpan; readonly prepared: PreparedText | null } | null,
  prepare: ((text: string) => PreparedText) | undefined,
  known: KnownPoint | null,
): Edit {
  if (!prepared) return editBetween(before, after, last?.change ?? changedSpan(before, after), known);
  const bound = prepared.changed;
  if (last?.prepared?.text === before && bound) {
    const inner = changedSpan(last.prepared.read(bound.start, bound.oldEnd), prepared.read(bound.start, bound.newEnd));
    return editBetween(before, after, { start: bound.start + inner.start, oldEnd: bound.start + inner.oldEnd, newEnd: bound.start + inner.newEnd }, known);
  }
  const previous = last?.prepared?.text === before ? last.prepared : prepare!(before);
  return editBetween(before, after, changedSpan(rewrittenText(previous), rewrittenText(prepared)), known);
}

/**
 * V8 keeps a whole string alive for as long as any slice of it is. The memo keeps chunk texts and
 * results across versions of a document, so those made from a later version's text keep copies of
 * the strings taken from it (names, subjects, literals); otherwise every edited version would stay in
 * memory. Catalog rows and numbers are shared as they are. (The first version's slices only keep
 * that one version.)
 */
function copied<T extends string | null>(text: T): T {
  return text === null ? text : structuredClone(text);
}

const Detach = {
  text: (text: string): string => copied(text),
  constants: (constants: readonly ConstantDeclaration[]): readonly ConstantDeclaration[] => constants.map((c) => ({ ...c, name: copied(c.name) })),
  result: (result: ChunkResult): ChunkResult => ({
    ...result,
    handlers: result.handlers.map((h) => ({ ...h, subject: copied(h.subject), comparisonTemplate: copied(h.comparisonTemplate) })),
    references: result.references.map((r) => ({ ...r, text: copied(r.text) })),
  }),
};

const KeepAsIs: typeof Detach = { text: (text) => text, constants: (constants) => constants, result: (result) => result };

/**
 * What the memo knows of one chunk of the latest analysis, each part worked out when first needed.
 * Offsets in it are relative to the chunk's start, so the chunk may move.
 */
interface ChunkMemory {
  /** Its text, kept so that an unchanged chunk is not sliced again. */
  readonly text: string;
  /** The constants it declares. */
  constants?: readonly ConstantDeclaration[];
  /** Its result, and the constants declared elsewhere that the result used (`name=code@offset,…`). */
  result?: { readonly uses: string; readonly value: ChunkResult };
  /** Its result as placed in the latest analysis (the same again while its offset and handler numbers are). */
  placed?: Placement;
}

/**
 * A chunk's result where it is now: offsets moved by `delta`, handler numbers counted on from `base`.
 * Each list is moved when first read.
 */
class Placement {
  private handlerList?: readonly Handler[];
  private referenceList?: readonly CodeReference[];
  private findingList?: readonly Finding[];

  constructor(
    readonly result: ChunkResult,
    readonly delta: number,
    readonly base: number,
  ) {}

  get handlers(): readonly Handler[] {
    const { result, delta } = this;
    return (this.handlerList ??= delta === 0 ? result.handlers : result.handlers.map((h) => shiftHandler(h, delta)));
  }

  get references(): readonly CodeReference[] {
    const { result, delta, base } = this;
    return (this.referenceList ??= delta === 0 && base === 0 ? result.references : result.references.map((r) => ({ ...r, range: shift(r.range, delta), handler: r.handler + base })));
  }

  get findings(): readonly Finding[] {
    const { result, delta, base } = this;
    return (this.findingList ??= delta === 0 && base === 0 ? result.findings : result.findings.map((f) => ({ ...f, range: shift(f.range, delta), handler: f.handler + base })));
  }
}

/** What one chunk contributes, with offsets as they were when it was computed (`origin` = its start). */
interface ChunkResult {
  readonly origin: number;
  readonly handlers: readonly Handler[];
  /** Handler indices count from 0 within the chunk. */
  readonly references: readonly CodeReference[];
  readonly findings: readonly Finding[];
}

/**
 * Per-document memory between analyses: what was learnt of each chunk, so an edit re-analyses only
 * the chunk it touched. It holds the latest analysis's chunks only, so it never outgrows the document.
 */
export class AnalysisMemo {
  /** The chunks of the latest analysis, to be shifted rather than found again after a small edit. */
  chunkList: ChunkList | null = null;
  /** Per chunk of `chunkList`: what was learnt of it (undefined for chunks never looked at). */
  chunks: readonly (ChunkMemory | undefined)[] = [];
  /** The file context and settings the chunks' results were worked out under. */
  contextKey = '';
  /** The language's rewrite of the latest text it was asked for, to be redone only where an edit touched it. */
  prepared: PreparedText | null = null;
  /** Where the latest tree edit started, in the text it led to: rows are counted on from there next time. */
  lastEdit: (KnownPoint & { readonly text: string }) | null = null;
  /** The file context of the latest analysis, kept while edits stay away from everything it reads. */
  context: FileContext | null = null;
  /** The text of the latest analysis, and what the prefilter found in it. */
  private last: { readonly text: string; readonly found: Prefilter } | null = null;

  /**
   * The prefilter's candidates in `text`, scanning again only the lines changed since the latest
   * analysis; with the change and the text it was made to, for the tree's edit.
   */
  prefilter(text: string, catalog: Catalog): { found: Prefilter; change: ChangedSpan | null; previousText: string | null } {
    const previousText = this.last?.text ?? null;
    const change = this.last && changedSpan(this.last.text, text);
    const found = this.last && change ? prefilterAfterEdit(this.last.found, change, text, catalog) : prefilter(text, catalog);
    this.last = { text, found };
    return { found, change, previousText };
  }

  /** Takes what the latest analysis learnt of its chunks, in place of what earlier ones did. */
  remember(chunkList: ChunkList, chunks: readonly (ChunkMemory | undefined)[], contextKey: string): void {
    this.chunkList = chunkList;
    this.chunks = chunks;
    this.contextKey = contextKey;
  }
}

/** The previous context, when neither the removed nor the inserted text (with some margin) touches a signal. */
function contextAfterEdit(memo: AnalysisMemo, before: string | undefined, after: string, edit: Edit | null): FileContext | null {
  if (!memo.context || before === undefined || !edit) return null;
  const margin = 200;
  const removed = before.slice(Math.max(0, edit.startIndex - margin), edit.oldEndIndex + margin);
  const inserted = after.slice(Math.max(0, edit.startIndex - margin), edit.newEndIndex + margin);
  return touchesSignals(removed) || touchesSignals(inserted) ? null : memo.context;
}

/**
 * The previous chunks moved by an edit, and which of them it changed, when the edit stays inside one
 * chunk and the syntax changed nowhere else; null when the chunks must be found again.
 */
function chunksAfterEdit(
  previous: ChunkList,
  edit: Edit,
  changed: readonly { startIndex: number; endIndex: number }[],
): { chunks: ChunkList; edited: number } | null {
  const inside = previous.holding(edit.startIndex, edit.oldEndIndex);
  if (inside < 0) return null;
  const chunks = previous.edited(inside, edit.newEndIndex - edit.oldEndIndex);
  const home = chunks.range(inside);
  return changed.every((r) => r.startIndex >= home.start && r.endIndex <= home.end) ? { chunks, edited: inside } : null;
}

function analyzeChunk(
  extractor: Extractor,
  candidates: readonly TextCandidate[],
  constants: readonly ConstantDeclaration[],
  chunk: TextRange,
  context: FileContext,
  settings: AnalysisSettings,
  catalog: Catalog,
): ChunkResult {
  extractor.run(candidates, constants, chunk.start, chunk.end);
  const recognised = [...extractor.handlers.values()]
    .map((raw) => ({ raw, recognition: recognize(raw, context, settings, catalog) }))
    .filter((h): h is { raw: RawHandler; recognition: Recognition } => h.recognition !== null)
    .sort((a, b) => a.raw.range.start - b.raw.range.start);
  for (const { raw, recognition } of recognised) {
    extractor.addSiblingLiterals(raw, (code) => catalog.nearMisses(code).some((n) => catalog.tableHas(recognition.table, n)));
  }

  const handlers: Handler[] = [];
  const references: CodeReference[] = [];
  const findings: Finding[] = [];
  for (const { raw, recognition } of recognised) {
    const { table, confidence } = recognition;
    const handlerIndex = handlers.length;
    const handler = toHandler(raw, table.product, table.platform, confidence);
    const lookupContext = { product: table.product, platform: table.platform };
    const handlerReferences: CodeReference[] = raw.branches
      .flatMap((b) => b.references)
      .sort((a, b) => a.range.start - b.range.start)
      .map((r) => {
        let candidates: readonly Candidate[] | undefined;
        return {
          range: r.range,
          code: r.code,
          text: r.text,
          form: r.form,
          declaredAt: r.declaredAt,
          handler: handlerIndex,
          // Looked up when read (a hover, an inlay hint): most references never are.
          get candidates() {
            return (candidates ??= catalog.lookup(r.code, lookupContext));
          },
        };
      });
    handlers.push(handler);
    references.push(...handlerReferences);
    for (const rule of RULES) {
      findings.push(...rule.check({ handler, handlerIndex, references: handlerReferences, table, catalog }));
    }
  }
  references.sort((a, b) => a.range.start - b.range.start);
  findings.sort((a, b) => a.range.start - b.range.start || byCodeUnit(a.rule, b.rule));
  return { origin: chunk.start, handlers, references, findings };
}

/** `list.push(...items)` without passing every item as an argument (a big file's lists run to thousands). */
function appendTo<T>(list: T[], items: readonly T[]): void {
  for (const item of items) list.push(item);
}

/**
 * Where each chunk's candidates are in the candidate list: [from[i], to[i]). Both lists are in
 * document order, so a chunk's candidates are a run of the list.
 */
function partition(candidates: readonly TextCandidate[], chunks: ChunkList): { from: Int32Array; to: Int32Array } {
  const from = new Int32Array(chunks.length);
  const to = new Int32Array(chunks.length);
  let c = 0;
  for (let i = 0; i < chunks.length; i++) {
    while (c < candidates.length && candidates[c]!.start < chunks.start(i)) c++;
    from[i] = c;
    while (c < candidates.length && candidates[c]!.start < chunks.end(i)) c++;
    to[i] = c;
  }
  return { from, to };
}

function shift(range: TextRange, delta: number): TextRange {
  return { start: range.start + delta, end: range.end + delta };
}

function shiftConstant(constant: ConstantDeclaration, delta: number): ConstantDeclaration {
  return { ...constant, range: shift(constant.range, delta) };
}

function relative(constants: readonly ConstantDeclaration[], origin: number): ConstantDeclaration[] {
  return constants.map((c) => shiftConstant(c, -origin));
}

function shiftHandler(handler: Handler, delta: number): Handler {
  return {
    ...handler,
    range: shift(handler.range, delta),
    branches: handler.branches.map((b) => ({ ...b, label: shift(b.label, delta), body: b.body && shift(b.body, delta) })),
    fallback: handler.fallback && shift(handler.fallback, delta),
  };
}

function toHandler(raw: RawHandler, product: Handler['product'], platform: Handler['platform'], confidence: Handler['confidence']): Handler {
  const branches: Branch[] = raw.branches.map((b) => ({
    codes: [...new Set([...b.references].sort((x, y) => x.range.start - y.range.start).map((r) => r.code))],
    label: b.label,
    body: b.body,
    readsCarrierCode: READS_CARRIER_CODE.test(b.bodyText),
  }));
  return {
    kind: raw.kind,
    range: raw.range,
    subject: raw.subject,
    branches,
    codes: [...new Set(branches.flatMap((b) => b.codes))],
    fallback: raw.fallback,
    product,
    platform,
    confidence,
    comparisonTemplate: raw.comparisonTemplate,
  };
}

/**
 * Files with no candidate, or with only common numbers (500, 1001 …) and no sign of the SDK, are
 * settled by the prefilter and never parsed.
 */
function worthParsing(found: Prefilter, text: string, settings: AnalysisSettings): boolean {
  if (found.candidates.length === 0) return false;
  return found.hasDistinctive || settings.product !== undefined || mentionsSdk(text);
}
