/**
 * Every served language over stdio: the server's diagnostics for each language's fixture are exactly
 * the analysis's findings, and a hover on the first reference shows its card.
 */
import assert from 'node:assert/strict';
import type { Hover } from 'vscode-languageserver-protocol';
import { LineIndex } from '../../server/src/util/line-index';
import { analyzeFixture, readFixture } from '../support/analysis';
import { TestClient } from '../support/lsp-client';

const FIXTURES: [languageId: string, fixture: string][] = [
  ['typescript', 'typescript/app-bridge.ts'],
  ['typescriptreact', 'typescript/h5-onelogin.ts'],
  ['java', 'java/OneLoginActivity.java'],
  ['kotlin', 'kotlin/LoginActivity.kt'],
  ['swift', 'swift/OneLoginLoginController.swift'],
  ['objective-c', 'objc/OLLoginViewController.m'],
  ['arkts', 'arkts/LoginPage.ets'],
  ['ets', 'arkts/OnePassPage.ets'],
];

describe('lsp: every served language', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
  });

  for (const [languageId, fixture] of FIXTURES) {
    it(`${languageId}: diagnostics and hover for ${fixture}`, async () => {
      const text = readFixture(fixture);
      const { analysis } = await analyzeFixture(fixture);
      assert.ok(analysis.references.length > 0, 'the fixture has references');
      const lines = new LineIndex(text);
      const uri = client.uri(fixture);
      await client.open(uri, languageId, text);
      const diagnostics = await client.publishedDiagnostics(uri, 1);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.range.start]),
        analysis.findings.map((f) => [f.rule, lines.positionAt(f.range.start)]),
      );
      const first = analysis.references[0]!;
      const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: lines.positionAt(first.range.start + 1) });
      assert.match((hover.contents as { value: string }).value, new RegExp(`^(?:\`${first.text}\` = \`${first.code}\`\\n\\n)?\\*\\*${first.code}`, 'u'));
    });
  }
});
