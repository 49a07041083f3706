/**
 * The extension's commands in real VS Code: Explain (with an argument and through the input box, typed
 * in the browser), Show Catalog (a webview whose search is used in the browser), Restart Server and
 * Show Output; and the status item's state while a large file is analysed.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { ExplainResult, OneLoginCodesApi } from '../../../client/src/extension';
import { EXTENSION_ID, hoverMarkdown, open, positionOf, screenshot, ui, until, workspaceFile } from '../support/vscode';

function webviewTab(viewType: string): vscode.Tab | undefined {
  return vscode.window.tabGroups.all
    .flatMap((g) => g.tabs)
    .find((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}

const api = (): OneLoginCodesApi => vscode.extensions.getExtension<OneLoginCodesApi>(EXTENSION_ID)!.exports;

describe('commands', () => {
  before(async () => {
    await open('java/OneLoginActivity.java');
    await until('the language client to run', () => vscode.extensions.getExtension(EXTENSION_ID)?.isActive && api().client.isRunning());
  });

  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('are contributed with a category', () => {
    const manifest = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON as { contributes: { commands: { command: string }[] } };
    assert.deepEqual(manifest.contributes.commands.map((c) => c.command).sort(), [
      'oneloginCodes.explain',
      'oneloginCodes.restartServer',
      'oneloginCodes.showCatalog',
      'oneloginCodes.showOutput',
    ]);
  });

  it('Explain shows the same Markdown as the hover card, in a webview', async () => {
    const { document } = await open('java/OneLoginActivity.java');
    const hover = await until('a hover on -20303', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '"-20303"', 0, 3));
      return hoverMarkdown(hovers).find((m) => m.startsWith('**-20303**'));
    });
    const result = await vscode.commands.executeCommand<ExplainResult>('oneloginCodes.explain', { query: '-20303', product: 'onelogin', platform: 'android' });
    assert.equal(result.found, true);
    assert.equal(result.markdown, hover);
    await until('the explain webview tab', () => webviewTab('oneloginCodes.explain'));
    const card = await ui<{ text: string }>({ type: 'text', selector: 'article.card', webview: true, contains: '-20303' });
    assert.match(card.text, /-20303 · OneLogin \(app\) · Android/u);
    await screenshot('vscode-explain');
  });

  it('Explain reads a log line and explains the SDK code and the carrier code', async () => {
    const result = await vscode.commands.executeCommand<ExplainResult>('oneloginCodes.explain', '{"status":500,"errorCode":"-40201","metadata":{"code":"1001"}}');
    assert.equal(result.found, true);
    assert.match(result.markdown, /\*\*-40201\*\*/u);
    assert.match(result.markdown, /\*\*1001\*\*/u);
  });

  it('Explain asks for the query in an input box (typed in the browser)', async () => {
    const pending = vscode.commands.executeCommand<ExplainResult | undefined>('oneloginCodes.explain');
    await ui({ type: 'fill', selector: '.quick-input-widget input.input', text: 'GOPErrorSocketError', press: 'Enter' });
    const result = await pending;
    assert.ok(result?.found, JSON.stringify(result));
    assert.match(result.markdown, /^\*\*-/u);
  });

  it('Show Catalog lists every row in a searchable webview', async () => {
    const result = await vscode.commands.executeCommand<{ rows: number }>('oneloginCodes.showCatalog');
    assert.equal(result.rows, 272);
    await until('the catalog webview tab', () => webviewTab('oneloginCodes.catalog'));
    const all = await ui<{ text: string }>({ type: 'text', selector: '#count', webview: true, contains: 'of 272' });
    assert.equal(all.text, '272 of 272 rows');
    await ui({ type: 'fill', selector: '#search', text: '-40101', webview: true });
    const filtered = await ui<{ text: string }>({ type: 'text', selector: '#count', webview: true, contains: 'of 272' });
    const shown = Number(/^(\d+) of 272 rows$/u.exec(filtered.text)?.[1]);
    assert.ok(shown >= 6 && shown < 20, filtered.text);
    const table = await ui<{ text: string }>({ type: 'text', selector: '#rows', webview: true });
    assert.match(table.text, /-40101/u);
    assert.doesNotMatch(table.text, /-20301/u, 'rows that do not match are hidden');
    await screenshot('vscode-catalog');
    await ui({ type: 'click', selector: 'tr:not([hidden]) button.link', webview: true });
    const explained = await until('the explain webview for the clicked row', () => webviewTab('oneloginCodes.explain'));
    assert.equal(explained.label, 'Explain: -40101');
  });

  it('Restart Server restarts the language server, and the features come back', async () => {
    const { document } = await open('java/OneLoginActivity.java');
    await vscode.commands.executeCommand('oneloginCodes.restartServer');
    await until('the language client to run again', () => api().client.isRunning());
    const hover = await until('a hover after the restart', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, positionOf(document, '"-20303"', 0, 3));
      return hoverMarkdown(hovers).find((m) => m.startsWith('**-20303**'));
    });
    assert.ok(hover);
  });

  it('Show Output reveals the log channel', async () => {
    await vscode.commands.executeCommand('oneloginCodes.showOutput');
    const panel = await ui<{ text: string }>({ type: 'text', selector: '.part.panel', contains: 'onelogin-codes' });
    // The panel wraps long lines.
    const text = panel.text.replace(/\s+/gu, ' ');
    assert.match(text, /onelogin-codes \d+\.\d+\.\d+: catalog of \d+ rows loaded/u);
  });

  it('shows the status item while a large file is analysed', async () => {
    const block = [
      "export function handler(code: string) {",
      "  if (code === '-40101') return 'cmcc';",
      "  else if (code === '-20202') return 'network';",
      '  return "other";',
      '}',
      '',
    ].join('\n');
    const text = `import { OneLoginHelper } from '@geetest/onelogin';\n${block.repeat(Math.ceil((260 * 1024) / block.length))}`;
    const uri = workspaceFile('typescript/large-generated.ts');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(text));
    const events: { uri: string; analysing: boolean }[] = [];
    const subscription = api().onDidChangeAnalysing((e) => events.push(e));
    try {
      await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(uri));
      await until('the analysis of the large file to start and end', () => {
        const mine = events.filter((e) => e.uri === uri.toString()).map((e) => e.analysing);
        return mine.length >= 2 && mine[0] === true && mine[mine.length - 1] === false;
      });
      assert.deepEqual(api().analysing(), []);
    } finally {
      subscription.dispose();
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(uri);
    }
  });
});
