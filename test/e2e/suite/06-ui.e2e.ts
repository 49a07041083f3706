/**
 * What a person sees in the workbench, read from the browser's DOM: the hover card, the Problems panel
 * and the quick-fix menu. The same steps take the README's screenshots when the run asks for them
 * (npm run e2e:screenshots).
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsOf, hoverMarkdown, open, positionOf, ruleOf, screenshot, ui, until } from '../support/vscode';

async function setGlobal(section: string, key: string, value: unknown): Promise<void> {
  await vscode.workspace.getConfiguration(section).update(key, value, vscode.ConfigurationTarget.Global);
}

describe('workbench UI', () => {
  let editor: vscode.TextEditor;
  let document: vscode.TextDocument;

  before(async () => {
    // Only this extension's findings in the pictures: the built-in TypeScript checker cannot resolve
    // the fixture's imports.
    await setGlobal('typescript', 'validate.enable', false);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    ({ document, editor } = await open('typescript/app-bridge.ts'));
    await diagnosticsOf(document.uri, (ds) => ds.some((d) => ruleOf(d) === 'cascade-carriers'), 'cascade-carriers');
    await until('no TypeScript errors', () => vscode.languages.getDiagnostics(document.uri).every((d) => d.source === 'onelogin-codes'), {
      events: [vscode.languages.onDidChangeDiagnostics as vscode.Event<unknown>],
    });
  });

  after(async () => {
    await setGlobal('typescript', 'validate.enable', undefined);
    await setGlobal('oneloginCodes', 'language', undefined);
  });

  function placeCursor(needle: string): void {
    const at = positionOf(document, needle, 0, 2);
    editor.selection = new vscode.Selection(at, at);
    editor.revealRange(new vscode.Range(at, at), vscode.TextEditorRevealType.InCenter);
  }

  it('shows the hover card, with the finding, in the editor', async () => {
    placeCursor("'-40101'");
    await vscode.commands.executeCommand('editor.action.showHover');
    const hover = await ui<{ text: string }>({ type: 'text', selector: '.monaco-hover:not(.hidden)', contains: 'What to do' });
    assert.match(hover.text, /-40101 · OneLogin \(app\) · Android/u);
    assert.match(hover.text, /This handler deals with -40101/u);
    await screenshot('vscode-hover');
    await ui({ type: 'press', key: 'Escape' });
  });

  it('shows the hover card in Chinese when oneloginCodes.language is zh', async () => {
    await setGlobal('oneloginCodes', 'language', 'zh');
    const at = positionOf(document, "'-40101'", 0, 2);
    await until('a Chinese hover', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at);
      return hoverMarkdown(hovers).some((m) => m.includes('APP 一键登录'));
    });
    placeCursor("'-40101'");
    await vscode.commands.executeCommand('editor.action.showHover');
    const hover = await ui<{ text: string }>({ type: 'text', selector: '.monaco-hover:not(.hidden)', contains: '处理方式' });
    assert.match(hover.text, /-40101 · APP 一键登录 \(OneLogin\) · Android/u);
    await screenshot('vscode-hover-zh');
    await ui({ type: 'press', key: 'Escape' });
    await setGlobal('oneloginCodes', 'language', undefined);
    await diagnosticsOf(document.uri, (ds) => ds.length > 0 && ds.every((d) => !/[\u4e00-\u9fff]/u.test(d.message)), 'English diagnostics again');
  });

  it('lists the findings in the Problems panel', async () => {
    await vscode.commands.executeCommand('workbench.actions.view.problems');
    const panel = await ui<{ text: string }>({ type: 'text', selector: '.markers-panel', contains: 'cascade-carriers' });
    assert.match(panel.text, /This handler deals with -40101/u);
    assert.match(panel.text, /cascade-subcodes/u);
    await screenshot('vscode-problems');
  });

  it('offers the quick fixes in the light-bulb menu', async () => {
    placeCursor("'-40101'");
    await vscode.commands.executeCommand('editor.action.quickFix');
    const menu = await ui<{ text: string }>({ type: 'text', selector: '.action-widget', contains: 'Add the missing carrier branches' });
    assert.match(menu.text, /Suppress cascade-carriers on this line/u);
    await screenshot('vscode-quick-fix');
    await ui({ type: 'press', key: 'Escape' });
  });
});
