/**
 * The built server (dist/server.js) over stdio, driven as an editor drives it: initialize, open
 * documents, hover, diagnostics (pull and push), code actions applied to the text, completion, inlay
 * hints, code lens, commands, settings changes, suppression comments, UTF-16 positions and CRLF.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, Hover, InlayHint } from 'vscode-languageserver-protocol';
import { applyWorkspaceEdit } from '../support/edits';
import { NEOVIM_0_7_DIAGNOSTICS, TestClient } from '../support/lsp-client';
import { readFixture } from '../support/analysis';
import { CATALOG_FILE } from '../support/paths';

const CARELESS_TS = `import { OneLoginHelper } from '@geetest/onelogin';
export function onResult(result: { errorCode: string; metadata?: Record<string, string> }): string {
  const code = result.errorCode;
  if (code === '-20301') {
    return 'cancel';
  } else if (code === '-40101') {
    return 'cmcc';
  } else {
    return 'fail';
  }
}
`;

/** The position of the n-th occurrence of `needle` (UTF-16 line/character, as LSP counts). */
function positionOf(text: string, needle: string, nth = 0, delta = 0) {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `${needle} not found`);
  const before = text.slice(0, index + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

describe('lsp: the server over stdio', function () {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    assert.equal(await client.stop(), 0, 'the server exits cleanly after shutdown/exit');
  });

  it('declares its capabilities', () => {
    const { capabilities, serverInfo } = client.initializeResult;
    assert.equal(serverInfo?.name, 'onelogin-codes');
    assert.deepEqual(capabilities, {
      positionEncoding: 'utf-16',
      textDocumentSync: { openClose: true, change: 2 },
      hoverProvider: true,
      completionProvider: { triggerCharacters: ['"', "'", '-', ' '], resolveProvider: false },
      codeActionProvider: { codeActionKinds: ['quickfix'], resolveProvider: false },
      codeLensProvider: { resolveProvider: false },
      inlayHintProvider: true,
      executeCommandProvider: { commands: ['oneloginCodes.server.explain', 'oneloginCodes.server.catalog'] },
    });
  });

  it('publishes diagnostics with code, source, codeDescription and data', async () => {
    const uri = 'file:///work/careless.ts';
    await client.open(uri, 'typescript', CARELESS_TS);
    const diagnostics = await client.publishedDiagnostics(uri, 1);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity, d.range, d.source, d.codeDescription?.href.replace(/.*\/docs/u, 'docs')]),
      [
        ['cascade-carriers', 2, { start: positionOf(CARELESS_TS, "'-40101'"), end: positionOf(CARELESS_TS, "'-40101'", 0, 8) }, 'onelogin-codes', 'docs/rules/cascade-carriers.md'],
        ['cascade-subcodes', 3, { start: positionOf(CARELESS_TS, "'-40101'"), end: positionOf(CARELESS_TS, "'-40101'", 0, 8) }, 'onelogin-codes', 'docs/rules/cascade-subcodes.md'],
      ],
    );
    assert.match(diagnostics[0]!.message as string, /^This handler deals with -40101 \(China Mobile\) but not -40201 \(China Unicom\), -40301 \(China Telecom\), -40102 \(China Mobile\), -40202 \(China Unicom\), -40302 \(China Telecom\)/u);
    assert.deepEqual(diagnostics[0]!.data, { rule: 'cascade-carriers', start: CARELESS_TS.indexOf("'-40101'"), end: CARELESS_TS.indexOf("'-40101'") + 8 });
  });

  it('answers hover with the exact Markdown card', async () => {
    const uri = 'file:///work/careless.ts';
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(CARELESS_TS, "'-20301'", 0, 3) });
    const markdown = (hover.contents as { kind: string; value: string }).value;
    assert.equal(
      markdown.split('\n---\n')[0],
      [
        '**-20301** · OneLogin (app) · Android',
        '',
        'The user pressed the back key and left the authorization page.',
        '',
        '**What to do:**',
        '',
        '1. Wait for the user to open the authorization page again to log in.',
        '',
        '*Category:* User cancelled',
        '',
      ].join('\n'),
    );
    assert.match(markdown, /\*Other meanings of this number:\*\n\n- OneLogin \(app\) · HarmonyOS: /u);
    assert.deepEqual(hover.range, { start: positionOf(CARELESS_TS, "'-20301'"), end: positionOf(CARELESS_TS, "'-20301'", 0, 8) });
    const nothing = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 3 } });
    assert.equal(nothing, null);
  });

  it('adds the missing carrier branches as one edit, in the handler\'s own style', async () => {
    const uri = 'file:///work/careless.ts';
    const diagnostics = await client.publishedDiagnostics(uri, 1);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics: [diagnostics[0]] },
    });
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred]), [
      ['Add the missing carrier branches (-40201, -40301, -40102, -40202, -40302)', 'quickfix', true],
      ['Suppress cascade-carriers on this line', 'quickfix', false],
    ]);
    const fixed = applyWorkspaceEdit(CARELESS_TS, uri, actions[0]!.edit);
    assert.equal(
      fixed.split('\n').slice(5, 15).join('\n'),
      [
        "  } else if (code === '-40101') {",
        "    return 'cmcc';",
        "  } else if (code === '-40201') {",
        "    // -40201 The China Unicom SDK's pre-fetch (preGetToken) failed; see the China Unicom error codes.",
        '    // What to do: Handle it as the China Unicom error-code table says.',
        "    return 'fail';",
        "  } else if (code === '-40301') {",
        "    // -40301 The China Telecom SDK's pre-fetch (preGetToken) failed; see the China Telecom error codes.",
        '    // What to do: Handle it as the China Telecom error-code table says.',
        "    return 'fail';",
      ].join('\n'),
    );
    assert.match(fixed, /\n {2}\} else if \(code === '-40302'\) \{\n {4}\/\/ -40302 .*\n {4}\/\/ What to do: .*\n {4}return 'fail';\n {2}\} else \{\n {4}return 'fail';/u);
    const suppressed = applyWorkspaceEdit(CARELESS_TS, uri, actions[1]!.edit);
    assert.match(suppressed, /\n {2}\/\/ onelogin-codes-disable-next-line cascade-carriers\n {2}\} else if \(code === '-40101'\)/u);

    // A client that does not keep `data` (it declares no dataSupport) gets the same fixes, found by code and range.
    const { data: _dropped, ...withoutData } = diagnostics[0]!;
    const again = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics: [withoutData] },
    });
    assert.deepEqual(
      again.map((a) => [a.title, a.edit]),
      actions.map((a) => [a.title, a.edit]),
    );
  });

  it('re-analyses after an incremental change and honours suppression comments', async () => {
    const uri = 'file:///work/careless.ts';
    const line = positionOf(CARELESS_TS, "} else if (code === '-40101')").line;
    const version = await client.change(uri, [
      { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '  // onelogin-codes-disable-next-line cascade-carriers\n' },
    ]);
    const diagnostics = await client.publishedDiagnostics(uri, version);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range.start.line]), [['cascade-subcodes', line + 1]]);
    const all = await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '  // onelogin-codes-disable-next-line\n' }]);
    assert.deepEqual(await client.publishedDiagnostics(uri, all), [], 'no rule list: every rule is suppressed');
  });

  it('counts UTF-16 positions on lines with CJK text and emoji before the code', async () => {
    const uri = 'file:///work/emoji.ts';
    const text = [
      "import { OneLoginHelper } from '@geetest/onelogin';",
      'declare const code: string;',
      "/* 移动取号失败 🚀📱 */ if (code === '-40101') { console.log('移动'); }",
      '',
    ].join('\n');
    await client.open(uri, 'typescript', text);
    const diagnostics = await client.publishedDiagnostics(uri, 1);
    // 「/* 移动取号失败 🚀📱 */ if (code === 」 is 31 UTF-16 units: six CJK characters count one each, the
    // two emoji two each (a code-point count would say 29, a byte count 43).
    assert.deepEqual(diagnostics[0]!.range, { start: { line: 2, character: 31 }, end: { line: 2, character: 39 } });
    assert.equal(text.split('\n')[2]!.slice(31, 39), "'-40101'");
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 35 } });
    assert.match((hover.contents as { value: string }).value, /^\*\*-40101\*\*/u);
  });

  it('keeps CRLF line ends in edits and positions', async () => {
    const uri = 'file:///work/crlf.ts';
    const text = CARELESS_TS.replace(/\n/gu, '\r\n');
    await client.open(uri, 'typescript', text);
    const diagnostics = await client.publishedDiagnostics(uri, 1);
    assert.equal(diagnostics[0]!.range.start.line, 5);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]!.range,
      context: { diagnostics: [diagnostics[0]] },
    });
    const fixed = applyWorkspaceEdit(text, uri, actions[0]!.edit);
    assert.doesNotMatch(fixed.replace(/\r\n/gu, ''), /\n/u, 'every inserted line ends with CRLF');
  });

  it('completes codes inside a handler, ranked by its table, without the ones handled', async () => {
    const uri = 'file:///work/complete.ts';
    const text = "import { OneLoginHelper } from '@geetest/onelogin';\ndeclare const code: string;\nswitch (code) {\n  case '-20301': break;\n  case '-4': break;\n}\n";
    await client.open(uri, 'typescript', text);
    const items = await client.request<CompletionItem[]>('textDocument/completion', {
      textDocument: { uri },
      position: positionOf(text, "'-4'", 0, 3),
    });
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('-40101') && labels.includes('-20302'));
    assert.ok(!labels.includes('-20301'), 'handled codes are not offered again');
    const item = items.find((i) => i.label === '-40101')!;
    assert.equal(item.detail, "The China Mobile SDK's pre-fetch (preGetToken) failed; see the China Mobile error codes.");
    assert.deepEqual(item.textEdit, { range: { start: positionOf(text, "'-4'", 0, 1), end: positionOf(text, "'-4'", 0, 3) }, newText: '-40101' });
  });

  it('shows code lenses above handlers', async () => {
    const uri = 'file:///work/careless.ts';
    await client.open(uri, 'typescript', CARELESS_TS);
    await client.publishedDiagnostics(uri, 1);
    const lenses = await client.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command?.title]), [
      [3, 'Handles 2 of 24 OneLogin (app) Android codes · missing: China Unicom, China Telecom, China Mobile'],
    ]);
  });

  it('runs the explain and catalog commands', async () => {
    const explained = await client.request<{ found: boolean; markdown: string }>('workspace/executeCommand', {
      command: 'oneloginCodes.server.explain',
      arguments: [{ query: '{"errorCode":"-40201","metadata":{"code":"1001"}}' }],
    });
    assert.equal(explained.found, true);
    assert.match(explained.markdown, /### SDK code \(errorCode\)\n\n\*\*-40201\*\*/u);
    assert.match(explained.markdown, /### Carrier code \(code\)\n\n\*\*1001\*\* · Carrier · China Unicom \(CUCC\)/u);
    const rows = await client.request<unknown[]>('workspace/executeCommand', { command: 'oneloginCodes.server.catalog', arguments: [] });
    assert.equal(rows.length, 272);
  });

  it('follows settings: severities, language, inlay hints; invalid values are logged and defaulted', async () => {
    const uri = 'file:///work/careless.ts';
    await client.changeSettings({ rules: { 'cascade-subcodes': 'off', 'cascade-carriers': 'error', bogus: 'warning' }, language: 'zh', inlayHints: { enable: true }, maxFileSize: 'big' });
    const version = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    const diagnostics: Diagnostic[] = await client.publishedDiagnostics(uri, version);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['cascade-carriers', 1]]);
    assert.match(diagnostics[0]!.message as string, /^该处理逻辑处理了 -40101（移动），但缺少 -40201（联通）/u);
    const hints = await client.request<InlayHint[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 20, character: 0 } } });
    assert.deepEqual(hints.map((h) => [h.position.line, h.label]), [[3, ' 用户在授权页点击了返回键退出授权页'], [5, ' 移动 SDK 预取号失败，具体见移…']]);
    assert.ok(client.logs.some((l) => /invalid setting: oneloginCodes\.rules: unknown rule "bogus"/u.test(l)));
    assert.ok(client.logs.some((l) => /invalid setting: oneloginCodes\.maxFileSize: "big" is not valid; using 1000000/u.test(l)));
    await client.changeSettings({});
  });

  it('uses a catalog override, and keeps the bundled catalog when the override is broken', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'onelogin-catalog-'));
    const broken = path.join(dir, 'broken.json');
    writeFileSync(broken, '{"tables": [');
    const uri = 'file:///work/careless.ts';
    await client.changeSettings({ catalogFile: broken });
    let version = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    assert.equal((await client.publishedDiagnostics(uri, version)).length, 2, 'still the bundled catalog');
    assert.ok(client.logs.some((l) => /oneloginCodes\.catalogFile: cannot read the error-code catalog .*broken\.json[^]*using the bundled catalog instead/u.test(l)));

    const data = JSON.parse(readFileSync(CATALOG_FILE, 'utf8')) as { tables: { rows: { code: number; description: { en: string } }[] }[] };
    for (const row of data.tables.flatMap((t) => t.rows)) if (row.code === -20301) row.description.en = 'Described by the override.';
    const custom = path.join(dir, 'custom.json');
    writeFileSync(custom, JSON.stringify(data));
    await client.changeSettings({ catalogFile: custom });
    version = await client.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '' }]);
    await client.publishedDiagnostics(uri, version);
    const hover = await client.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(CARELESS_TS, "'-20301'", 0, 3) });
    assert.match((hover.contents as { value: string }).value, /^\*\*-20301\*\* · OneLogin \(app\) · Android\n\nDescribed by the override\./u);
    await client.changeSettings({});
  });

  it('survives binary, huge and broken files, and an unknown language id', async () => {
    const binary = 'file:///work/blob.ts';
    await client.open(binary, 'typescript', 'co\u0000de -40101');
    assert.deepEqual(await client.publishedDiagnostics(binary, 1), []);
    const huge = 'file:///work/huge.ts';
    // 50 MB: over oneloginCodes.maxFileSize, so it is held but not analysed.
    await client.open(huge, 'typescript', `${CARELESS_TS}${'// filler line of a generated file\n'.repeat(1_450_000)}`);
    assert.deepEqual(await client.publishedDiagnostics(huge, 1, 60_000), []);
    assert.ok(client.logs.some((l) => /huge\.ts is larger than oneloginCodes\.maxFileSize/u.test(l)));
    await client.close(huge);
    const broken = 'file:///work/broken.ts';
    await client.open(broken, 'typescript', "import { OneLoginHelper } from '@geetest/onelogin';\nif (code === '-40101' {{{ ]]]\n");
    await client.publishedDiagnostics(broken, 1);
    const other = 'file:///work/readme.md';
    await client.open(other, 'markdown', 'errorCode -40101');
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri: other }, position: { line: 0, character: 12 } });
    assert.equal(hover, null);
    const after = await client.request<Hover>('textDocument/hover', { textDocument: { uri: 'file:///work/careless.ts' }, position: positionOf(CARELESS_TS, "'-20301'", 0, 3) });
    assert.ok(after, 'still answering');
  });
});

describe('lsp: pull diagnostics', () => {
  it('answers textDocument/diagnostic when the client pulls', async () => {
    const client = await TestClient.start({
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false }, hover: {} } },
    });
    try {
      assert.deepEqual(client.initializeResult.capabilities.diagnosticProvider, { identifier: 'onelogin-codes', interFileDependencies: false, workspaceDiagnostics: false });
      const uri = client.uri('java/CarrierFailureHandler.java');
      await client.open(uri, 'java', readFixture('java/CarrierFailureHandler.java'));
      assert.deepEqual(await client.pullDiagnostics(uri), [], 'a complete handler has nothing to report');
      assert.equal(client.published.size, 0, 'nothing is pushed to a pulling client');
    } finally {
      await client.stop();
    }
  });
});

describe('lsp: the optional diagnostic fields follow what the client declares', () => {
  it('leaves codeDescription and data out for a client that does not use them, and still fixes', async () => {
    const client = await TestClient.start({
      capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: NEOVIM_0_7_DIAGNOSTICS, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } } } },
    });
    try {
      const uri = 'file:///work/careless.ts';
      await client.open(uri, 'typescript', CARELESS_TS);
      const diagnostics = await client.publishedDiagnostics(uri, 1);
      assert.deepEqual(
        diagnostics.map((d) => Object.keys(d)),
        [
          ['range', 'severity', 'code', 'source', 'message'],
          ['range', 'severity', 'code', 'source', 'message'],
        ],
      );
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: diagnostics[0]!.range, context: { diagnostics } });
      assert.match(actions[0]!.title, /-40201/u, 'the fix is found by the diagnostic\'s code and range');
    } finally {
      await client.stop();
    }
  });

  it('sends them to a pull client that declares them beside its pull capability (LSP 3.18)', async () => {
    const client = await TestClient.start({
      capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false, codeDescriptionSupport: true, dataSupport: true } } },
    });
    try {
      const uri = 'file:///work/careless.ts';
      await client.open(uri, 'typescript', CARELESS_TS);
      const [first] = await client.pullDiagnostics(uri);
      assert.match(first!.codeDescription!.href, /docs\/rules\/cascade-carriers\.md$/u);
      assert.deepEqual(first!.data, { rule: 'cascade-carriers', start: CARELESS_TS.indexOf("'-40101'"), end: CARELESS_TS.indexOf("'-40101'") + 8 });
    } finally {
      await client.stop();
    }
  });
});
