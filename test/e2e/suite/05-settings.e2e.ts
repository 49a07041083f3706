/** Settings changed in VS Code reach the running server: card language, per-rule severity, code lenses. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, hoverMarkdown, open, positionOf, ruleOf, until } from '../support/vscode';

const FILE = 'kotlin/LoginActivity.kt';

async function set(key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration('oneloginCodes').update(key, value, vscode.ConfigurationTarget.Global);
}

describe('settings', () => {
  afterEach(async () => {
    for (const key of ['language', 'rules', 'codeLens.enable', 'inlayHints.enable']) await set(key, undefined);
  });

  it('oneloginCodes.language switches hover cards and diagnostics to Chinese and back', async () => {
    const { document } = await open(FILE);
    const position = positionOf(document, '"-20301"', 0, 3);
    const hoverStartingWith = (prefix: string) =>
      until(`a hover starting with ${prefix}`, async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        return hoverMarkdown(hovers).find((m) => m.startsWith(prefix));
      });
    await hoverStartingWith('**-20301** · OneLogin (app) · Android');
    await set('language', 'zh');
    await hoverStartingWith('**-20301** · APP 一键登录 (OneLogin) · Android');
    const chinese = await diagnosticsOf(document.uri, (ds) => ds.length > 0 && ds.every((d) => /[\u4e00-\u9fff]/u.test(d.message)), 'Chinese diagnostics');
    assert.ok(chinese.length > 0);
    await set('language', undefined);
    await hoverStartingWith('**-20301** · OneLogin (app) · Android');
  });

  it('oneloginCodes.rules turns a rule off and raises another to an error', async () => {
    const { document } = await open(FILE);
    await diagnosticsOf(document.uri, (ds) => ds.some((d) => ruleOf(d) === 'cascade-subcodes'), 'cascade-subcodes before');
    await set('rules', { 'cascade-subcodes': 'off', 'cascade-carriers': 'error' });
    const changed = await diagnosticsOf(
      document.uri,
      (ds) => ds.length > 0 && !ds.some((d) => ruleOf(d) === 'cascade-subcodes') && ds.every((d) => d.severity === vscode.DiagnosticSeverity.Error),
      'only cascade-carriers, as errors',
    );
    assert.deepEqual([...new Set(changed.map(ruleOf))], ['cascade-carriers']);
  });

  it('code lenses show above handlers and oneloginCodes.codeLens.enable hides them', async () => {
    const { document } = await open(FILE);
    const lenses = await until('code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found.length > 0 ? found : undefined;
    });
    assert.match(lenses[0]!.command?.title ?? '', /^Handles \d+ of \d+ OneLogin \(app\) Android codes/u);
    await set('codeLens.enable', false);
    await until('no code lenses', async () => {
      const found = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return found.length === 0;
    });
  });

  it('oneloginCodes.inlayHints.enable shows the meaning after each code', async () => {
    const { document } = await open(FILE);
    const range = new vscode.Range(0, 0, document.lineCount, 0);
    const none = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
    assert.equal(none.length, 0, 'off by default');
    await set('inlayHints.enable', true);
    const hints = await until('inlay hints', async () => {
      const found = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', document.uri, range);
      return found.length > 0 ? found : undefined;
    });
    const at = positionOf(document, '"-20301"', 0, '"-20301"'.length);
    assert.ok(hints.some((h) => h.position.isEqual(at)), JSON.stringify(hints.map((h) => [h.position.line, h.position.character, h.label])));
  });
});
