/** What the CLI (the extension's own dist/cli.js) reports for a file: the tests' expectations. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID, until } from './vscode';

export interface CliDiagnostic {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'information' | 'hint';
  readonly message: string;
}

export function extensionPath(): string {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not loaded`);
  return extension.extensionPath;
}

interface CliReport {
  readonly files: { readonly path: string; readonly diagnostics: CliDiagnostic[] }[];
}

/**
 * The CLI's diagnostics for `file`. tools/e2e/run.ts checks the whole workspace with the CLI while VS
 * Code starts (ONELOGIN_E2E_EXPECTED); `sameAs` names the fixture a copied file was made from.
 */
export async function cliDiagnostics(file: vscode.Uri, sameAs: vscode.Uri = file): Promise<CliDiagnostic[]> {
  const precomputed = process.env.ONELOGIN_E2E_EXPECTED;
  if (precomputed) {
    const report = await until('the CLI report of the workspace', () => existsSync(precomputed) && (JSON.parse(readFileSync(precomputed, 'utf8')) as CliReport), {
      timeoutMs: 120_000,
    });
    const root = vscode.workspace.workspaceFolders![0]!.uri.fsPath;
    const entry = report.files.find((f) => path.resolve(root, f.path) === sameAs.fsPath);
    if (!entry) throw new Error(`the CLI report has no ${sameAs.fsPath}`);
    return entry.diagnostics;
  }
  return runCli(file);
}

function runCli(file: vscode.Uri): CliDiagnostic[] {
  const result = spawnSync(process.execPath, [path.join(extensionPath(), 'dist', 'cli.js'), 'check', file.fsPath, '--format', 'json'], {
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  // Exit 1 means "findings", not failure.
  if (result.status !== 0 && result.status !== 1) throw new Error(`the CLI failed (${result.status}): ${result.stderr}`);
  const report = JSON.parse(result.stdout) as CliReport;
  return report.files.flatMap((f) => f.diagnostics);
}

/** "rule line:column-line:column severity" for either side, so lists compare as strings. */
export function describeCli(d: CliDiagnostic): string {
  return `${d.rule} ${d.line}:${d.column}-${d.endLine}:${d.endColumn} ${d.severity}`;
}

const SEVERITIES: Record<vscode.DiagnosticSeverity, string> = {
  [vscode.DiagnosticSeverity.Error]: 'error',
  [vscode.DiagnosticSeverity.Warning]: 'warning',
  [vscode.DiagnosticSeverity.Information]: 'information',
  [vscode.DiagnosticSeverity.Hint]: 'hint',
};

export function describeVscode(d: vscode.Diagnostic, rule: string): string {
  const r = d.range;
  return `${rule} ${r.start.line + 1}:${r.start.character + 1}-${r.end.line + 1}:${r.end.character + 1} ${SEVERITIES[d.severity]}`;
}
