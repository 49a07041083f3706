/** `check` for people: findings grouped by file, eslint-style, then a summary line. */
import type { Lang } from '../../catalog/types';
import type { TextStyle } from '../../explain/render-text';
import { countFindings, spanOf, type CheckReport } from './report';

export function formatText(report: CheckReport, lang: Lang, style: TextStyle): string {
  const lines: string[] = [];
  for (const file of report.files) {
    if (file.analysis.findings.length === 0) continue;
    lines.push(style.bold(file.path));
    for (const finding of file.analysis.findings) {
      const span = spanOf(file, finding);
      const severity = finding.severity === 'error' || finding.severity === 'warning' ? style.warn(finding.severity) : style.dim(finding.severity);
      lines.push(`  ${`${span.line}:${span.column}`.padEnd(8)} ${severity.padEnd(11)}  ${finding.message[lang]}  ${style.dim(finding.rule)}`);
    }
    lines.push('');
  }
  for (const skipped of report.skipped) lines.push(style.dim(`skipped ${skipped.path}: ${skipped.reason}`));
  const findings = countFindings(report);
  const references = report.files.reduce((n, f) => n + f.analysis.references.length, 0);
  const handlers = report.files.reduce((n, f) => n + f.analysis.handlers.length, 0);
  const withFindings = report.files.filter((f) => f.analysis.findings.length > 0).length;
  const summary =
    lang === 'zh'
      ? `检查了 ${report.files.length} 个文件：${handlers} 处错误码处理、${references} 个错误码引用，${findings} 个问题（${withFindings} 个文件）。`
      : `Checked ${report.files.length} files: ${handlers} handlers, ${references} code references, ${findings} findings in ${withFindings} files.`;
  lines.push(findings > 0 ? style.warn(summary) : summary);
  return `${lines.join('\n')}\n`;
}
