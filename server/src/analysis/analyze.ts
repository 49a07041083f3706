/**
 * The analysis pipeline for one file: text → prefilter → tree → code references → handlers →
 * recognition → rule findings. Pure apart from parsing; returns plain data (see types.ts).
 */
import type { Tree } from 'web-tree-sitter';
import type { Catalog } from '../catalog/catalog';
import { detectFileContext, mentionsSdk } from './context';
import { Extractor, type RawHandler } from './extract';
import { editBetween } from './parsing/edit';
import { specFor } from './languages';
import type { Parsers } from './parsing/parsers';
import { prefilter, type Prefilter } from './prefilter';
import { recognize, type AnalysisSettings } from './recognize';
import { RULES } from './rules';
import type { Analysis, Branch, CodeReference, FileContext, Finding, Handler, SourceLanguage } from './types';

export interface AnalyzeInput {
  readonly text: string;
  readonly language: SourceLanguage;
  /** Used to pick a grammar variant (.tsx, .js) and in messages. */
  readonly fileName: string;
  readonly settings?: AnalysisSettings;
  /** The previous tree of this document and the source it was parsed from, for an incremental parse. */
  readonly reuse?: { readonly tree: Tree; readonly source: string } | null;
  readonly parseBudgetMs?: number;
}

export interface AnalyzeOutput {
  readonly analysis: Analysis;
  /** The new tree, owned by the caller (delete() it, or keep it for the next incremental parse). */
  readonly tree: Tree | null;
  /** The text the tree was parsed from: `text` after the language's rewrite. */
  readonly source: string | null;
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
  return { analysis: emptyAnalysis(language, skipped, context), tree: null, source: null };
}

export async function analyze(input: AnalyzeInput, catalog: Catalog, parsers: Parsers): Promise<AnalyzeOutput> {
  const { text, language } = input;
  const settings = input.settings ?? {};
  const spec = specFor(language);
  if (!spec) return nothing(language, `no analysis for ${language} yet`);
  const found = prefilter(text, catalog);
  if (!worthParsing(found, text, settings)) return nothing(language);
  const context = detectFileContext(text, language);

  const source = spec.prepare ? spec.prepare(text) : text;
  let oldTree: Tree | null = null;
  if (input.reuse) {
    input.reuse.tree.edit(editBetween(input.reuse.source, source));
    oldTree = input.reuse.tree;
  }
  const parsed = await parsers.parse(spec.grammarFor(input.fileName), source, oldTree, input.parseBudgetMs);
  if (!parsed.tree) {
    const reason = `parse of ${input.fileName} took over ${Math.round(parsed.milliseconds)} ms and was stopped`;
    return nothing(language, reason, context);
  }

  const extractor = new Extractor(spec, parsed.tree, source, catalog);
  extractor.run(found.candidates);
  const recognised = [...extractor.handlers.values()]
    .map((raw) => ({ raw, recognition: recognize(raw, context, settings, catalog) }))
    .filter((h) => h.recognition !== null)
    .sort((a, b) => a.raw.range.start - b.raw.range.start);
  for (const { raw, recognition } of recognised) {
    extractor.addSiblingLiterals(raw, (code) => catalog.nearMisses(code).some((n) => recognition!.table.rows.some((r) => r.code === n)));
  }

  const handlers: Handler[] = [];
  const references: CodeReference[] = [];
  const findings: Finding[] = [];
  for (const { raw, recognition } of recognised) {
    const { table, confidence } = recognition!;
    const handlerIndex = handlers.length;
    const handler = toHandler(raw, table.product, table.platform, confidence);
    const handlerReferences: CodeReference[] = raw.branches
      .flatMap((b) => b.references)
      .sort((a, b) => a.range.start - b.range.start)
      .map((r) => ({
        range: r.range,
        code: r.code,
        text: r.text,
        form: r.form,
        declaredAt: r.declaredAt,
        handler: handlerIndex,
        candidates: catalog.lookup(r.code, { product: table.product, platform: table.platform }),
      }));
    handlers.push(handler);
    references.push(...handlerReferences);
    for (const rule of RULES) {
      findings.push(...rule.check({ handler, handlerIndex, references: handlerReferences, table, catalog }));
    }
  }
  references.sort((a, b) => a.range.start - b.range.start);
  findings.sort((a, b) => a.range.start - b.range.start || a.rule.localeCompare(b.rule));
  return { analysis: { language, context, references, handlers, findings, skipped: null }, tree: parsed.tree, source };
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
