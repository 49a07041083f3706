/**
 * The language server as an editor feels it, over stdio against dist/server.js: start-up to first
 * diagnostics, hover latency (p50/p99), edit → diagnostics, completion, and the server's RSS with every
 * grammar loaded. Ratios are against a bare parse of the same file measured in this run.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ClientCapabilities, Hover } from 'vscode-languageserver-protocol';
import { Parsers } from '../server/src/analysis/parsing/parsers';
import { NEOVIM_0_7_DIAGNOSTICS, TestClient } from '../test/support/lsp-client';
import { generateFile } from './generate';
import { percentile, verdict } from './report';

function rssMegabytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/u.exec(status)?.[1] ?? 0) / 1024;
}

/**
 * RSS of a fresh server once every grammar is loaded: one small document per language, each with a
 * code so that it is parsed. (WASM memory never shrinks, so this uses its own server process.)
 */
async function grammarsOnlyRss(): Promise<number> {
  const client = await TestClient.start({ capabilities: { workspace: { configuration: true }, textDocument: { hover: {} } } });
  const documents: [string, string, string][] = [
    ['file:///bench/a.ts', 'typescript', "if (errorCode === '-20202') {}"],
    ['file:///bench/a.tsx', 'typescriptreact', "if (errorCode === '-20202') {}"],
    ['file:///bench/A.java', 'java', 'class A { void f(String errorCode) { if ("-20202".equals(errorCode)) {} } }'],
    ['file:///bench/A.kt', 'kotlin', 'fun f(errorCode: String) { if (errorCode == "-20202") {} }'],
    ['file:///bench/A.swift', 'swift', 'func f(errorCode: String) { if errorCode == "-20202" {} }'],
    ['file:///bench/A.m', 'objective-c', 'void f(NSString *errorCode) { if ([errorCode isEqualToString:@"-20202"]) {} }'],
    ['file:///bench/A.ets', 'arkts', "@Entry\n@Component\nstruct A { f(errorCode: string) { if (errorCode === '-20202') {} } build() { Column() {} } }"],
  ];
  for (const [uri, languageId, source] of documents) {
    await client.open(uri, languageId, source);
    await client.publishedDiagnostics(uri, 1, 30_000);
  }
  const rss = rssMegabytes(client.process.pid!);
  await client.stop();
  return rss;
}

export async function benchServer(): Promise<void> {
  const text = generateFile('typescript', 10_000);
  const parsers = await Parsers.create();
  await parsers.parse('typescript', text).then((r) => r.tree?.delete());
  const started = performance.now();
  const bareParse = await parsers.parse('typescript', text);
  const parseMs = performance.now() - started;
  bareParse.tree?.delete();

  // A push-diagnostics client (no pull capability) declaring what Neovim 0.7 declares for diagnostics
  // (eglot 1.9 declares less). The first server starts without V8's code cache (a new cache
  // directory) and writes it when it exits; start-up is the median of the five fresh servers after
  // it (one start is at the mercy of whatever else the machine is doing).
  const capabilities: ClientCapabilities = {
    workspace: { configuration: true },
    textDocument: { hover: {}, completion: {}, publishDiagnostics: NEOVIM_0_7_DIAGNOSTICS },
  };
  const env = { XDG_CACHE_HOME: mkdtempSync(path.join(tmpdir(), 'onelogin-bench-cache-')) };
  const uri = 'file:///bench/Login.ts';
  const start = async () => {
    const launch = performance.now();
    const started = await TestClient.start({ capabilities, env });
    await started.open(uri, 'typescript', text);
    const count = (await started.publishedDiagnostics(uri, 1, 60_000)).length;
    return { client: started, milliseconds: performance.now() - launch, count };
  };
  const startups: number[] = [];
  for (let i = 0; i < 5; i++) {
    const run = await start();
    startups.push(run.milliseconds);
    await run.client.stop();
  }
  const { client, milliseconds, count: diagnosticCount } = await start();
  startups.push(milliseconds);
  const firstStartup = startups.shift()!;
  const startup = percentile(startups, 50);

  const lines = text.split('\n');
  const hoverLine = lines.findIndex((l) => l.includes("'-40101'"));
  const hoverCharacter = lines[hoverLine]!.indexOf("'-40101'") + 2;
  const hovers: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    const hover = await client.request<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line: hoverLine, character: hoverCharacter } });
    hovers.push(performance.now() - t);
    if (!hover) throw new Error('no hover');
  }

  // Typing: a blank inserted on lines spread over the file, each edit on top of the last. The first
  // 20 warm up (V8 optimises the grammar's lexer in the background after the first big parse, on
  // the same two cores); the next 60 are measured.
  const edits: number[] = [];
  for (let i = 0; i < 80; i++) {
    const line = 100 + (i % 30) * 300;
    const t = performance.now();
    const version = await client.change(uri, [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: ' ' }]);
    await client.publishedDiagnostics(uri, version, 10_000);
    if (i >= 20) edits.push(performance.now() - t);
  }

  const completions: number[] = [];
  const caseLine = lines.findIndex((l) => l.includes("case '-40102'"));
  for (let i = 0; i < 100; i++) {
    const t = performance.now();
    await client.request('textDocument/completion', { textDocument: { uri }, position: { line: caseLine, character: lines[caseLine]!.indexOf("'-40102'") + 3 } });
    completions.push(performance.now() - t);
  }
  const bigRss = rssMegabytes(client.process.pid!);
  await client.stop();
  rmSync(env.XDG_CACHE_HOME, { recursive: true, force: true });
  const rss = await grammarsOnlyRss();

  const hoverP99 = percentile(hovers, 99);
  const editP50 = percentile(edits, 50);
  const completionP50 = percentile(completions, 50);
  console.log('\nlanguage server over stdio (10k-line TypeScript file; bare parse of it: %s ms)', parseMs.toFixed(1));
  console.log(`  start-up to first diagnostics, median of 5 ${startup.toFixed(0)} ms (target ≤ 300: ${verdict(startup <= 300)}); the first start, before V8's code cache exists, ${firstStartup.toFixed(0)} ms`);
  console.log(`  hover p50 ${percentile(hovers, 50).toFixed(2)} ms · p99 ${hoverP99.toFixed(2)} ms (target p99 ≤ 5: ${verdict(hoverP99 <= 5)})`);
  console.log(`  edit → diagnostics (${diagnosticCount} diagnostics each time, after 20 warm-up edits) p50 ${editP50.toFixed(1)} ms · p90 ${percentile(edits, 90).toFixed(1)} ms (target ≤ 10: ${verdict(editP50 <= 10)})`);
  console.log(`  completion p50 ${completionP50.toFixed(2)} ms · p99 ${percentile(completions, 99).toFixed(2)} ms (target ≤ 10: ${verdict(completionP50 <= 10)})`);
  console.log(`  server RSS with all six grammars loaded (fresh server, small documents) ${rss.toFixed(0)} MB (target ≤ 150: ${verdict(rss <= 150)})`);
  console.log(`  server RSS after the 10k-line document (its tree and chunk memo included) ${bigRss.toFixed(0)} MB`);
}
