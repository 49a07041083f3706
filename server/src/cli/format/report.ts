/** The result of checking files, shared by the text, JSON and SARIF formats. */
import type { Analysis, CodeReference, Finding } from '../../analysis/types';
import { LineIndex } from '../../util/line-index';
import type { SkippedFile } from '../walk';

export interface FileReport {
  /** Path as shown to the user: relative to the working folder, with forward slashes. */
  readonly path: string;
  readonly analysis: Analysis;
  readonly lines: LineIndex;
}

export interface CheckReport {
  readonly files: readonly FileReport[];
  readonly skipped: readonly SkippedFile[];
  /** Absolute folder the paths are relative to (SARIF's SRCROOT). */
  readonly root: string;
}

/** 1-based line and column (UTF-16 code units), as editors and SARIF count them. */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

export function spanOf(file: FileReport, item: CodeReference | Finding): Span {
  const start = file.lines.positionAt(item.range.start);
  const end = file.lines.positionAt(item.range.end);
  return { line: start.line + 1, column: start.character + 1, endLine: end.line + 1, endColumn: end.character + 1 };
}

export function countFindings(report: CheckReport): number {
  return report.files.reduce((n, f) => n + f.analysis.findings.length, 0);
}
