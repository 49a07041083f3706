/**
 * ArkTS support contributed by the extension: the `arkts` language for .ets, its language configuration
 * (exercised through VS Code's comment command), and the TextMate grammar, tokenised by the TextMate
 * engine and the TypeScript grammar of the VS Code under test.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { extensionPath } from '../support/expected';
import { tokenize, type Token } from '../support/textmate';
import { open, positionOf, screenshot, workspaceFile } from '../support/vscode';

function grammars(): Record<string, string> {
  const manifest = JSON.parse(readFileSync(path.join(extensionPath(), 'package.json'), 'utf8')) as {
    contributes: { grammars: { scopeName: string; path: string; language: string }[] };
  };
  const arkts = manifest.contributes.grammars.find((g) => g.language === 'arkts');
  assert.ok(arkts, 'the manifest contributes a grammar for arkts');
  // The built-in grammar extension runs in the browser's extension host, so it is found on disk.
  const typescript = path.join(vscode.env.appRoot, 'extensions', 'typescript-basics', 'syntaxes', 'TypeScript.tmLanguage.json');
  assert.ok(existsSync(typescript), `VS Code's built-in TypeScript grammar at ${typescript}`);
  return { [arkts.scopeName]: path.join(extensionPath(), arkts.path), 'source.ts': typescript };
}

function scopesOf(line: Token[], text: string): string[] {
  const token = line.find((t) => t.text === text);
  assert.ok(token, `a token "${text}" in ${JSON.stringify(line.map((t) => t.text))}`);
  return [...token.scopes];
}

describe('ArkTS', () => {
  it('gives .ets files the arkts language with its configuration (line comments toggle with //)', async () => {
    const { document, editor } = await open('arkts/LoginPage.ets');
    assert.equal(document.languageId, 'arkts');
    const line = positionOf(document, 'struct LoginPage').line;
    editor.revealRange(new vscode.Range(line - 2, 0, line - 2, 0), vscode.TextEditorRevealType.AtTop);
    await screenshot('vscode-arkts');
    editor.selection = new vscode.Selection(line, 0, line, 0);
    const before = document.getText();
    await vscode.commands.executeCommand('editor.action.commentLine');
    assert.equal(document.lineAt(line).text, '// struct LoginPage {');
    await vscode.commands.executeCommand('undo');
    assert.equal(document.getText(), before);
  });

  it("tokenises a .ets file with VS Code's TextMate engine: struct, decorators, components, attributes, resources", async () => {
    const appRoot = vscode.env.appRoot;
    assert.ok(existsSync(path.join(appRoot, 'node_modules', 'vscode-textmate')), `vscode-textmate in ${appRoot}`);
    const text = [
      '@Entry',
      '@Component',
      'export struct Greeting {',
      "  @State message: string = 'hi'",
      '  @Link @Watch(\'onChange\') count: number',
      '  build() {',
      '    Column({ space: 8 }) {',
      "      Text(this.message)",
      "        .fontSize(20)",
      "        .fontColor($r('app.color.primary'))",
      "      TextInput({ text: $$this.message })",
      '    }',
      "    .stateStyles({ pressed: { .backgroundColor('#EEE') } })",
      '  }',
      '}',
      'const after = 1',
    ].join('\n');
    const lines = await tokenize(appRoot, grammars(), 'source.arkts', text);
    assert.ok(scopesOf(lines[0]!, 'Entry').includes('storage.type.decorator.arkts'));
    const struct = lines[2]!;
    assert.deepEqual(scopesOf(struct, 'export').slice(-1), ['keyword.control.export.ts']);
    assert.ok(scopesOf(struct, 'struct').includes('storage.type.struct.arkts'));
    assert.ok(scopesOf(struct, 'Greeting').includes('entity.name.type.struct.arkts'));
    const state = lines[3]!;
    assert.ok(scopesOf(state, 'State').includes('storage.type.decorator.arkts'));
    assert.ok(scopesOf(state, 'string').includes('support.type.primitive.ts'), 'TypeScript rules apply inside the struct');
    assert.ok(scopesOf(lines[4]!, 'Watch').includes('storage.type.decorator.arkts'));
    assert.ok(scopesOf(lines[6]!, 'Column').includes('support.class.component.arkts'));
    assert.ok(scopesOf(lines[7]!, 'Text').includes('support.class.component.arkts'));
    assert.ok(scopesOf(lines[8]!, 'fontSize').includes('support.function.attribute.arkts'));
    assert.ok(scopesOf(lines[9]!, '$r').includes('support.function.resource.arkts'));
    assert.ok(scopesOf(lines[10]!, '$$').includes('keyword.operator.binding.arkts'));
    assert.ok(scopesOf(lines[12]!, 'backgroundColor').includes('support.function.attribute.arkts'));
    const last = lines[15]!;
    assert.deepEqual(scopesOf(last, 'const'), ['source.arkts', 'meta.var.expr.ts', 'storage.type.ts'], 'the struct closed: back at the top level');
  });

  it('every .ets fixture tokenises back to the top level (no rule runs away)', async () => {
    const dir = workspaceFile('arkts').fsPath;
    const files = readdirSync(dir).filter((f) => f.endsWith('.ets'));
    assert.ok(files.length >= 5, files.join(', '));
    for (const file of files) {
      const lines = await tokenize(vscode.env.appRoot, grammars(), 'source.arkts', `${readFileSync(path.join(dir, file), 'utf8')}\nconst zz = 1`);
      assert.deepEqual(scopesOf(lines[lines.length - 1]!, 'const'), ['source.arkts', 'meta.var.expr.ts', 'storage.type.ts'], file);
    }
  });
});
