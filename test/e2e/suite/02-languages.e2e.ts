/**
 * Every served language in real VS Code: the language id VS Code gives the file, the Problems entries
 * (exactly what the CLI reports, at the same UTF-16 positions), the hover card, and the quick fixes,
 * applied through VS Code's own workspace edit and undone in one step.
 */
import assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { cliDiagnostics, describeCli, describeVscode } from '../support/expected';
import { diagnosticsOf, hoverMarkdown, open, positionOf, rangeOf, ruleOf, until, workspaceFile } from '../support/vscode';

interface Case {
  readonly file: string;
  readonly languageId: string;
  /** A code in the file and the first line of its hover card. */
  readonly hover: { readonly needle: string; readonly title: string };
  /** The code the cascade-carriers finding sits on. */
  readonly carriers: string;
}

const CASES: readonly Case[] = [
  {
    file: 'typescript/app-bridge.ts',
    languageId: 'typescript',
    hover: { needle: "'-20302'", title: '**-20302** · OneLogin (app) · Android' },
    carriers: "'-40101'",
  },
  {
    file: 'java/OneLoginActivity.java',
    languageId: 'java',
    hover: { needle: '"-20303"', title: '**-20303** · OneLogin (app) · Android' },
    carriers: '-40101',
  },
  {
    file: 'kotlin/LoginActivity.kt',
    languageId: 'kotlin',
    hover: { needle: '"-20301"', title: '**-20301** · OneLogin (app) · Android' },
    carriers: '"-40101"',
  },
  {
    file: 'swift/OneLoginLoginController.swift',
    languageId: 'swift',
    hover: { needle: '"-20202"', title: '**-20202** · OneLogin (app) · iOS' },
    carriers: '"-40101"',
  },
  {
    file: 'objc/OLLoginViewController.m',
    languageId: 'objective-c',
    hover: { needle: '@"-20202"', title: '**-20202** · OneLogin (app) · iOS' },
    carriers: '-40102',
  },
  {
    file: 'arkts/LoginPage.ets',
    languageId: 'arkts',
    hover: { needle: "'-20202'", title: '**-20202** · OneLogin (app) · HarmonyOS' },
    carriers: "'-40101'",
  },
];

for (const c of CASES) {
  describe(`${c.languageId}: ${c.file}`, () => {
    let document: vscode.TextDocument;

    before(async () => {
      ({ document } = await open(c.file));
    });

    it(`opens as language "${c.languageId}"`, () => {
      assert.equal(document.languageId, c.languageId);
    });

    it('shows in Problems exactly what the CLI reports, at the same positions', async () => {
      const expected = (await cliDiagnostics(document.uri)).map(describeCli).sort();
      assert.ok(expected.length > 0, 'the fixture has findings');
      const diagnostics = await diagnosticsOf(document.uri, (ds) => ds.length >= expected.length, `${expected.length} diagnostics`);
      assert.deepEqual(diagnostics.map((d) => describeVscode(d, ruleOf(d))).sort(), expected);
      for (const d of diagnostics) {
        assert.equal(d.source, 'onelogin-codes');
        assert.ok(d.message.length > 20, d.message);
      }
    });

    it('hovers a code with its card', async () => {
      const position = positionOf(document, c.hover.needle, 0, Math.floor(c.hover.needle.length / 2));
      const markdown = await until(`a hover on ${c.hover.needle}`, async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
        return hoverMarkdown(hovers).find((m) => m.includes(c.hover.title));
      });
      assert.equal(markdown.split('\n')[0], c.hover.title);
      assert.match(markdown, /\*\*What to do:\*\*\n\n1\. /u);
    });

    it('offers the quick fixes, and the carrier fix adds the missing branches in one undoable edit', async () => {
      const range = rangeOf(document, c.carriers);
      const diagnostics = await diagnosticsOf(
        document.uri,
        (ds) => ds.some((d) => ruleOf(d) === 'cascade-carriers' && d.range.start.isEqual(range.start)),
        `cascade-carriers at ${c.carriers}`,
      );
      const finding = diagnostics.find((d) => ruleOf(d) === 'cascade-carriers' && d.range.start.isEqual(range.start))!;
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, finding.range, vscode.CodeActionKind.QuickFix.value);
      const titles = actions.map((a) => a.title);
      const ours = actions.filter((a) => a.title.includes('cascade-carriers') || a.title.startsWith('Add the missing carrier branches'));
      const fix = ours.find((a) => a.title.startsWith('Add the missing carrier branches ('));
      assert.ok(fix?.edit, `a carrier fix among ${JSON.stringify(titles)}`);
      assert.equal(fix.isPreferred, true);
      assert.ok(titles.includes('Suppress cascade-carriers on this line'), JSON.stringify(titles));

      const missing = /\(([^)]*)\)/u.exec(fix.title)![1]!.split(', ');
      const before = document.getText();
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const after = document.getText();
      const inserted = after.length - before.length;
      assert.ok(inserted > 0, 'the fix inserts text');
      for (const code of missing) {
        assert.ok(after.split(code).length > before.split(code).length, `a branch for ${code} was added`);
      }
      // Only insertions: every line of the old text is still there, in order.
      let at = 0;
      const lines = after.split('\n');
      for (const line of before.split('\n')) {
        while (at < lines.length && lines[at] !== line) at++;
        assert.ok(at < lines.length, `old line kept: ${line}`);
        at++;
      }
      await diagnosticsOf(
        document.uri,
        (ds) => !ds.some((d) => ruleOf(d) === 'cascade-carriers' && d.range.start.line === finding.range.start.line),
        'the cascade-carriers finding to go away after the fix',
      );
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('undo');
      assert.equal(document.getText(), before, 'one undo restores the file');
    });
  });
}

describe('TypeScript specifics', () => {
  it('hovers a constant with its value and card', async () => {
    const { document } = await open('typescript/app-bridge.ts');
    const position = positionOf(document, 'code === USER_CANCEL', 0, 'code === '.length + 2);
    const markdown = await until('a hover on USER_CANCEL', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, position);
      return hoverMarkdown(hovers).find((m) => m.startsWith('`USER_CANCEL` = '));
    });
    assert.match(markdown, /^`USER_CANCEL` = `-20301`\n\n\*\*-20301\*\* · OneLogin \(app\) · Android/u);
  });

  it('the carrier fix writes branches in the handler\'s own style', async () => {
    const { document } = await open('typescript/app-bridge.ts');
    const range = rangeOf(document, "'-40101'");
    await diagnosticsOf(document.uri, (ds) => ds.some((d) => ruleOf(d) === 'cascade-carriers'), 'cascade-carriers');
    const diagnostic = vscode.languages.getDiagnostics(document.uri).find((d) => ruleOf(d) === 'cascade-carriers' && d.range.start.isEqual(range.start))!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title.startsWith('Add the missing carrier branches'))!;
    const before = document.getText();
    await vscode.workspace.applyEdit(fix.edit!);
    assert.match(document.getText(), /\n {2}\} else if \(code === '-40301'\) \{\n {4}\/\/ -40301 /u);
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
  });

  it('the suppress fix adds a comment and the finding goes away', async () => {
    const { document } = await open('typescript/app-bridge.ts');
    const subcodes = await diagnosticsOf(document.uri, (ds) => ds.some((d) => ruleOf(d) === 'cascade-subcodes'), 'cascade-subcodes');
    const diagnostic = subcodes.find((d) => ruleOf(d) === 'cascade-subcodes')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
    const suppress = actions.find((a) => a.title === 'Suppress cascade-subcodes on this line')!;
    const before = document.getText();
    await vscode.workspace.applyEdit(suppress.edit!);
    assert.match(document.getText(), /\/\/ onelogin-codes-disable-next-line cascade-subcodes\n/u);
    await diagnosticsOf(document.uri, (ds) => !ds.some((d) => ruleOf(d) === 'cascade-subcodes'), 'the suppressed finding to go away');
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
  });
});

describe('files served by name', () => {
  it('a .swift file that VS Code maps to plain text still gets its diagnostics (document selector pattern)', async () => {
    const files = vscode.workspace.getConfiguration('files');
    await files.update('associations', { '**/PlainCopy.swift': 'plaintext' }, vscode.ConfigurationTarget.Global);
    try {
      const source = workspaceFile('swift/OneLoginLoginController.swift');
      const copy = workspaceFile('swift/PlainCopy.swift');
      await vscode.workspace.fs.copy(source, copy, { overwrite: true });
      const { document } = await open('swift/PlainCopy.swift');
      assert.equal(document.languageId, 'plaintext');
      const expected = (await cliDiagnostics(copy, source)).map(describeCli).sort();
      const diagnostics = await diagnosticsOf(copy, (ds) => ds.length === expected.length, `${expected.length} diagnostics for the plain-text .swift file`);
      assert.deepEqual(diagnostics.map((d) => describeVscode(d, ruleOf(d))).sort(), expected);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeAllEditors');
      await vscode.workspace.fs.delete(workspaceFile('swift/PlainCopy.swift'));
      await files.update('associations', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});
