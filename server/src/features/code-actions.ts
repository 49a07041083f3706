/**
 * Quick fixes for the findings in a range: add the missing carrier branches (cascade-carriers),
 * dispatch on the carrier's own code (cascade-subcodes), and suppress a finding on its line. Every fix
 * is one workspace edit, so one undo step; none is offered for fix-all on save.
 */
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { Analysis, Finding, SourceLanguage } from '../analysis/types';
import type { Catalog } from '../catalog/catalog';
import type { Lang } from '../catalog/types';
import type { PositionMapper } from '../util/line-index';
import type { DiagnosticData } from './diagnostics';
import { carrierDispatchEdit } from './fixes/carrier-dispatch';
import { indentationAt, lineStartOf, eolOf, type TextEditAt } from './fixes/layout';
import { missingBranchesEdit } from './fixes/missing-branches';
import { SNIPPETS } from './fixes/snippets';
import { CARRIER_SHORT_LABELS } from '../catalog/labels';
import { t } from '../i18n/messages';

export interface CodeActionInput {
  readonly uri: string;
  readonly text: string;
  readonly lines: PositionMapper;
  readonly analysis: Analysis;
  readonly catalog: Catalog;
  readonly lang: Lang;
  /** The diagnostics the client sent with the request (ours carry DiagnosticData). */
  readonly diagnostics: readonly Diagnostic[];
}

export function codeActions(input: CodeActionInput): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of input.diagnostics) {
    const finding = findingOf(diagnostic, input);
    if (!finding) continue;
    const fix = fixFor(finding, input);
    if (fix) actions.push(action(fix.title, fix.edit, input, diagnostic, true));
    actions.push(action(t(input.lang, 'fixSuppress', finding.rule), [suppressEdit(finding, input)], input, diagnostic, false));
  }
  return actions;
}

/**
 * The finding a diagnostic of ours stands for: found by its `data`, or, when the client did not keep
 * `data` (it need not, unless it declares dataSupport), by its code and range.
 */
function findingOf(diagnostic: Diagnostic, input: CodeActionInput): Finding | undefined {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  const rule = data?.rule ?? diagnostic.code;
  if (typeof rule !== 'string') return undefined;
  const start = data?.start ?? input.lines.offsetAt(diagnostic.range.start);
  const end = data?.end ?? input.lines.offsetAt(diagnostic.range.end);
  return input.analysis.findings.find((f) => f.rule === rule && f.range.start === start && f.range.end === end);
}

function fixFor(finding: Finding, input: CodeActionInput): { title: string; edit: TextEditAt[] } | null {
  const { analysis, text, catalog, lang } = input;
  const handler = analysis.handlers[finding.handler];
  if (!handler) return null;
  const language: SourceLanguage = analysis.language;
  const table = catalog.table(handler.product, handler.platform);
  if (!table) return null;
  if (finding.data.rule === 'cascade-carriers') {
    const references = analysis.references.filter((r) => r.handler === finding.handler);
    const cascading = new Set(catalog.cascadingRows(table).map((r) => r.code));
    const edit = missingBranchesEdit(handler, references, finding.data.missing, language, text, lang, (c) => cascading.has(c));
    const codes = finding.data.missing.map((m) => m.code).join(', ');
    return edit ? { title: t(lang, 'fixAddBranches', codes), edit } : null;
  }
  if (finding.data.rule === 'cascade-subcodes') {
    const code = finding.data.code;
    const branch = handler.branches.find((b) => b.codes.includes(code));
    const carrierTable = catalog.carrierTable(finding.data.carrier);
    if (!branch || !carrierTable) return null;
    const edit = carrierDispatchEdit(handler, branch, finding.data.carrier, carrierTable, language, text, lang);
    return edit ? { title: t(lang, 'fixDispatch', CARRIER_SHORT_LABELS[finding.data.carrier][lang]), edit } : null;
  }
  return null;
}

/** A comment line above the finding's line, indented like it. */
function suppressEdit(finding: Finding, { text, analysis }: CodeActionInput): TextEditAt {
  const start = lineStartOf(text, finding.range.start);
  const comment = SNIPPETS[analysis.language].lineComment(`onelogin-codes-disable-next-line ${finding.rule}`);
  return { start, end: start, newText: `${indentationAt(text, finding.range.start)}${comment}${eolOf(text)}` };
}

function action(title: string, edits: readonly TextEditAt[], input: CodeActionInput, diagnostic: Diagnostic, preferred: boolean): CodeAction {
  const textEdits: TextEdit[] = edits.map((edit) => ({
    range: { start: input.lines.positionAt(edit.start), end: input.lines.positionAt(edit.end) },
    newText: edit.newText,
  }));
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [diagnostic],
    isPreferred: preferred,
    edit: { changes: { [input.uri]: textEdits } },
  };
}
