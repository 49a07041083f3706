/**
 * Writes server/src/analysis/parsing/runtime-hot-functions.ts: which of the tree-sitter runtime's
 * functions V8 optimises while the analysis reads the bench's 10k-line file in each language. Run it
 * again when web-tree-sitter changes (a unit test says so):
 *
 *   npx tsx tools/dev/runtime-hot-functions.ts
 *
 * It runs the analyses in a child process with V8 tracing its WASM compiles, the runtime compiled
 * without hints (so that what is measured is V8's own choice, not the last list's).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { BENCH_LANGUAGES, extensionOf, generateFile } from '../../bench/generate';
import { analyze } from '../../server/src/analysis/analyze';
import { readLayout } from '../../server/src/analysis/parsing/compilation-hints';
import { TreeSitterBinding } from '../../server/src/analysis/parsing/binding';
import { Parsers } from '../../server/src/analysis/parsing/parsers';
import { setServerFlags } from '../../server/src/analysis/parsing/v8-flags';
import { runtimePath } from '../../server/src/analysis/parsing/wasm-modules';
import type { SourceLanguage } from '../../server/src/analysis/types';
import { loadBundledCatalog } from '../../server/src/catalog/catalog';

const ROOT = path.join(__dirname, '..', '..');
const OUTPUT = path.join(ROOT, 'server', 'src', 'analysis', 'parsing', 'runtime-hot-functions.ts');

/**
 * Called once per parse, so an optimised version only serves the next parse; optimising it costs
 * ~60 ms of CPU, which at start-up delays the first parse more than it would save.
 */
const LEFT_OUT = ['ts_parser_parse_wasm'];

/** The child: analyses every bench file, V8 printing each WASM function it compiles. */
async function measure(): Promise<void> {
  setServerFlags();
  // The runtime as it is, without hints, is the one that runs: Parsers.create() finds the binding made
  // (the module it compiles, with hints, never runs).
  await TreeSitterBinding.init(new WebAssembly.Module(readFileSync(runtimePath())));
  const catalog = loadBundledCatalog();
  const parsers = await Parsers.create();
  for (const language of BENCH_LANGUAGES) {
    const text = generateFile(language, 10_000);
    const { tree } = await analyze({ text, language: language as SourceLanguage, fileName: `bench.${extensionOf(language)}` }, catalog, parsers);
    tree?.delete();
  }
  // Optimised compiles started late finish on V8's background threads: wait for them to be traced.
  await new Promise((resolve) => setTimeout(resolve, 2000));
}

function main(): void {
  const trace = execFileSync(process.execPath, [...process.execArgv, '--trace-wasm-compilation-times', __filename, '--measure'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const compiles = trace.split('\n').flatMap((line) => {
    const match = /^Compiled function (0x[0-9a-f]+)#(\d+) using (\w+)/u.exec(line);
    return match ? [{ module: match[1]!, index: Number(match[2]), compiler: match[3]! }] : [];
  });
  // The trace names modules by address. The runtime's is the module with the most baseline compiles
  // (it is the one that runs most; the module Parsers.create() compiled with hints never runs, and the
  // grammars and whatever else runs WASM in the process, such as tsx's lexers, run few functions).
  const baselineCompiles = new Map<string, number>();
  for (const c of compiles) if (c.compiler === 'Liftoff') baselineCompiles.set(c.module, (baselineCompiles.get(c.module) ?? 0) + 1);
  const runtimeModule = [...baselineCompiles].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (!runtimeModule) throw new Error('no baseline compile in the trace: did V8 change its trace format?');
  const wasm = readFileSync(runtimePath());
  const layout = readLayout(wasm, { withExports: true });
  if (!layout) throw new Error(`cannot read ${runtimePath()}`);
  const leftOut = new Set(LEFT_OUT.map((name) => layout.exportedFunctions.get(name)));
  const hot = new Set<number>();
  for (const c of compiles) {
    if (c.module !== runtimeModule) continue;
    if (c.index >= layout.importedFunctions + layout.definedFunctions) throw new Error(`function ${c.index} is not the runtime's: the wrong module was taken`);
    if (c.compiler === 'TurboFan' && !leftOut.has(c.index)) hot.add(c.index);
  }
  const functions = [...hot].sort((a, b) => a - b);
  const version = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'web-tree-sitter', 'package.json'), 'utf8')) as { version: string }).version;
  writeFileSync(
    OUTPUT,
    `/**
 * The tree-sitter runtime's functions that V8 optimises while the analysis reads the bench's 10k-line
 * file in each language (${LEFT_OUT.join(', ')} left out), by index as V8 numbers them (imports first).
 * Made by tools/dev/runtime-hot-functions.ts for web-tree-sitter ${version}; run it again when
 * web-tree-sitter changes. Used only for a runtime of exactly \`runtimeBytes\` bytes.
 */
export const RUNTIME_HOT_FUNCTIONS = {
  webTreeSitter: '${version}',
  runtimeBytes: ${wasm.length},
  functions: [${functions.join(', ')}],
} as const;
`,
  );
  console.log(`${functions.length} hot functions of ${layout.definedFunctions} written to ${path.relative(process.cwd(), OUTPUT)}`);
}

if (process.argv.includes('--measure')) void measure();
else main();
