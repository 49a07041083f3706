/**
 * Findings as LSP diagnostics: code = rule id, source, a link to the rule's docs and data for the code
 * actions (those two for clients that declare they use them), severities from the settings, and
 * suppression comments honoured.
 */
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { ruleDocsUrl } from '../analysis/rules/docs';
import type { Analysis, Finding, RuleId, Severity } from '../analysis/types';
import type { Lang } from '../catalog/types';
import type { Settings } from '../settings';
import type { PositionMapper } from '../util/line-index';
import { toLspRange } from './positions';

export const DIAGNOSTIC_SOURCE = 'onelogin-codes';

/** What a code action needs to find the finding again in the current analysis. */
export interface DiagnosticData {
  readonly rule: RuleId;
  readonly start: number;
  readonly end: number;
}

/**
 * The optional fields a client declares it uses (`codeDescriptionSupport`, `dataSupport`). VS Code uses
 * both; Neovim 0.7 and eglot use neither, and on a 10k-line file the two make a third of every publish.
 */
export interface DiagnosticFields {
  readonly codeDescription: boolean;
  readonly data: boolean;
}

const ALL_DIAGNOSTIC_FIELDS: DiagnosticFields = { codeDescription: true, data: true };

const LSP_SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * `// onelogin-codes-disable-next-line` (every rule) or `… cascade-subcodes, unknown-code` (those rules),
 * in a line or block comment of any of our languages.
 */
const SUPPRESSION = /(?:\/\/|\/\*|#)\s*onelogin-codes-disable-next-line\b([^*\n]*)/u;
const SUPPRESSION_WORD = 'onelogin-codes-disable-next-line';

function isSuppressed(finding: Finding, text: string, lines: PositionMapper): boolean {
  const line = lines.positionAt(finding.range.start).line;
  if (line === 0) return false;
  const start = lines.offsetAt({ line: line - 1, character: 0 });
  const end = lines.offsetAt({ line, character: 0 });
  const match = SUPPRESSION.exec(text.slice(start, end));
  if (!match) return false;
  const rules = match[1]!.split(/[\s,]+/u).filter(Boolean);
  return rules.length === 0 || rules.includes(finding.rule);
}

export function effectiveSeverity(finding: Finding, settings: Settings): Severity | 'off' {
  return settings.rules[finding.rule] ?? finding.severity;
}

export function toDiagnostics(
  analysis: Analysis,
  text: string,
  lines: PositionMapper,
  settings: Settings,
  lang: Lang,
  fields: DiagnosticFields = ALL_DIAGNOSTIC_FIELDS,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // Most files have no suppression comment: one look for the word spares a look above every finding.
  const maySuppress = text.includes(SUPPRESSION_WORD);
  for (const finding of analysis.findings) {
    const severity = effectiveSeverity(finding, settings);
    if (severity === 'off' || (maySuppress && isSuppressed(finding, text, lines))) continue;
    const diagnostic: Diagnostic = {
      range: toLspRange(lines, finding.range),
      severity: LSP_SEVERITY[severity],
      code: finding.rule,
      source: DIAGNOSTIC_SOURCE,
      message: finding.message[lang],
    };
    if (fields.codeDescription) diagnostic.codeDescription = { href: ruleDocsUrl(finding.rule) };
    if (fields.data) diagnostic.data = { rule: finding.rule, start: finding.range.start, end: finding.range.end } satisfies DiagnosticData;
    diagnostics.push(diagnostic);
  }
  return diagnostics;
}
