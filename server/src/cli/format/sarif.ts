/**
 * `check --format sarif`: SARIF 2.1.0 for code-scanning upload, with the rules' help text and links to
 * their documentation. Columns are UTF-16 code units, declared as such.
 */
import { RULES } from '../../analysis/rules';
import type { Severity } from '../../analysis/types';
import type { Lang } from '../../catalog/types';
import { ruleDocsUrl } from '../../analysis/rules/docs';
import { spanOf, type CheckReport } from './report';

const LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export function formatSarif(report: CheckReport, lang: Lang, version: string): string {
  const root = report.root.endsWith('/') ? report.root : `${report.root}/`;
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'onelogin-codes',
            version,
            informationUri: ruleDocsUrl(),
            rules: RULES.map((rule) => ({
              id: rule.id,
              name: rule.id.replace(/-(\w)/gu, (_, c: string) => c.toUpperCase()),
              shortDescription: { text: rule.title[lang] },
              fullDescription: { text: rule.help[lang] },
              help: { text: rule.help[lang], markdown: `${rule.help[lang]}\n\n[${rule.id}](${ruleDocsUrl(rule.id)})` },
              helpUri: ruleDocsUrl(rule.id),
              defaultConfiguration: { level: LEVEL[rule.defaultSeverity] },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { SRCROOT: { uri: `file://${encodeURI(root)}` } },
        results: report.files.flatMap((file) =>
          file.analysis.findings.map((finding) => {
            const span = spanOf(file, finding);
            return {
              ruleId: finding.rule,
              ruleIndex: RULES.findIndex((r) => r.id === finding.rule),
              level: LEVEL[finding.severity],
              message: { text: finding.message[lang] },
              locations: [
                {
                  physicalLocation: {
                    artifactLocation: { uri: encodeURI(file.path), uriBaseId: 'SRCROOT' },
                    region: {
                      startLine: span.line,
                      startColumn: span.column,
                      endLine: span.endLine,
                      endColumn: span.endColumn,
                    },
                  },
                },
              ],
            };
          }),
        ),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
