/**
 * `check --format json`: every file with a reference or a finding, every recognised reference (so CI
 * can build coverage reports) and every diagnostic, with 1-based positions.
 */
import type { Lang } from '../../catalog/types';
import { spanOf, type CheckReport } from './report';

export function formatJson(report: CheckReport, lang: Lang): string {
  const files = report.files
    .filter((f) => f.analysis.references.length > 0 || f.analysis.findings.length > 0)
    .map((file) => ({
      path: file.path,
      language: file.analysis.language,
      references: file.analysis.references.map((reference) => {
        const handler = file.analysis.handlers[reference.handler]!;
        return {
          ...spanOf(file, reference),
          code: reference.code,
          text: reference.text,
          product: handler.product,
          platform: handler.platform,
        };
      }),
      diagnostics: file.analysis.findings.map((finding) => ({
        ...spanOf(file, finding),
        rule: finding.rule,
        severity: finding.severity,
        message: finding.message[lang],
      })),
    }));
  return `${JSON.stringify({ files, skipped: report.skipped }, null, 2)}\n`;
}
