/** Settings changed in VS Code reach the running server: card language, per-rule severity, code lenses. */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, hoverMarkdown, open, positionOf, ruleOf, ui, until } from '../support/vscode';

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

  it('language auto follows VS Code\'s display language (the LSP locale), and so do the UI strings', async () => {
    const chinese = vscode.env.language.toLowerCase().startsWith('zh');
    const { document } = await open(FILE);
    const hovers = await until('a hover', async () => {
      const found = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '"-20301"', 0, 3));
      return hoverMarkdown(found).find((m) => m.startsWith('**-20301**'));
    });
    assert.ok(hovers.startsWith(chinese ? '**-20301** · APP 一键登录 (OneLogin)' : '**-20301** · OneLogin (app)'), `${vscode.env.language}: ${hovers.split('\n')[0]}`);
    assert.equal(vscode.l10n.t('Explain'), 'Explain', 'the test runner has no bundle of its own');
    await vscode.commands.executeCommand('oneloginCodes.showCatalog');
    const title = await ui<{ text: string }>({ type: 'text', selector: 'h1', webview: true });
    assert.equal(title.text, chinese ? '一键登录 / 本机校验错误码目录' : 'Catalog of OneLogin & OnePass error codes');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
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
