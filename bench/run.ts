/**
 * `npm run bench`: the analysis's cost as ratios against baselines measured in the same run (a bare
 * tree-sitter parse of the same text, a plain regex scan of the same bytes), so the figures mean the
 * same on any machine. Nothing here fails a build; it prints the figures and whether each target holds.
 *
 *   npm run bench                   builds out/bench.js and runs everything (the corpus and the server
 *                                   parts each in a child process of their own)
 *   node out/bench.js corpus        only the mixed corpus
 *   node out/bench.js languages     only the 10k-line files
 *   node out/bench.js server        only the language server
 * The last part drives the built language server over stdio (bench/server.ts).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { analyze } from '../server/src/analysis/analyze';
import { IncrementalDocument } from '../server/src/analysis/incremental';
import { specFor } from '../server/src/analysis/languages';
import { rewrittenText } from '../server/src/analysis/languages/spec';
import { Parsers } from '../server/src/analysis/parsing/parsers';
import type { SourceLanguage } from '../server/src/analysis/types';
import { loadBundledCatalog, type Catalog } from '../server/src/catalog/catalog';
import { BENCH_LANGUAGES, extensionOf, generateFile, generateQuietFile } from './generate';
import { percentile, verdict } from './report';
import { benchServer } from './server';

/**
 * Rounds (a parse and an analysis) of a 10k-line file before measuring it: V8 compiles the analysis's
 * JavaScript in the first five or so, and optimises a big grammar's lexer in the background after
 * some more (Swift's parse drops from ~100 to ~75 ms at about the fifteenth).
 */
const WARM_UP_RUNS = 20;

/** The baseline regex: every run of digits, the literal candidates a scanner must look at. */
const REGEX_SCAN = /\d{2,6}/gu;

function regexScan(text: string): number {
  let n = 0;
  for (const _ of text.matchAll(REGEX_SCAN)) n++;
  return n;
}

/**
 * The median time of `runs` calls. With `betweenRuns: 'yield'`, the event loop turns between calls, as
 * it does between an editor's edits (work left for idle time, such as freeing the old tree, runs then).
 */
async function median(runs: number, fn: () => Promise<unknown> | unknown, betweenRuns?: 'yield'): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (betweenRuns === 'yield') await new Promise(setImmediate);
    times.push(await timeOf(fn));
  }
  return percentile(times, 50);
}

async function timeOf(fn: () => Promise<unknown> | unknown): Promise<number> {
  const started = performance.now();
  await fn();
  return performance.now() - started;
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => (typeof c === 'number' ? c.toFixed(2) : c).padStart(widths[i]!)).join('  ');
}

async function perLanguage(catalog: Catalog, parsers: Parsers): Promise<void> {
  console.log('10k-line files, warm, median ms (ratios against a bare parse / a regex scan of the same text)\n');
  const widths = [10, 8, 9, 7, 11, 7, 9, 9, 9, 7];
  console.log(row(['language', 'parse', 'analysis', '×parse', 'reanalysis', 'regex', 'quiet', '×regex', 'handlers', 'check'], widths));
  for (const language of BENCH_LANGUAGES) {
    const fileName = `bench.${extensionOf(language)}`;
    const text = generateFile(language, 10_000);
    const quiet = generateQuietFile(language, 10_000);
    const spec = specFor(language as SourceLanguage);
    if (!spec) {
      console.log(row([language, '-', '-', '-', '-', '-', '-', '-', '-', 'no spec'], widths));
      continue;
    }
    const source = spec.prepare ? rewrittenText(spec.prepare(text)) : text;
    const grammar = spec.grammarFor(fileName);
    const parseOnce = async () => (await parsers.parse(grammar, source)).tree?.delete();
    let handlers = 0;
    const analyzeOnce = async () => {
      const { analysis, tree } = await analyze({ text, language: language as SourceLanguage, fileName }, catalog, parsers);
      handlers = analysis.handlers.length;
      tree?.delete();
    };
    // Warm, then parse and analysis take turns, so that both meet V8 in the same state.
    for (let i = 0; i < WARM_UP_RUNS; i++) {
      await parseOnce();
      await analyzeOnce();
    }
    const parses: number[] = [];
    const analyses: number[] = [];
    for (let i = 0; i < 9; i++) {
      parses.push(await timeOf(parseOnce));
      analyses.push(await timeOf(analyzeOnce));
    }
    const parse = percentile(parses, 50);
    const full = percentile(analyses, 50);

    // One line changed at a time, each edit on top of the last, as typing does: 30 edits to warm up
    // (V8 optimises the incremental paths, which the full analyses above never ran), then 60 measured
    // (fewer left the median at the mercy of a stray GC or a busy core).
    const document = new IncrementalDocument(catalog, parsers);
    await document.analyze({ text, language: language as SourceLanguage, fileName });
    const lines = text.split('\n');
    const versions: string[] = [];
    for (let edit = 1; edit <= 90; edit++) {
      const line = 40 + ((edit * 613) % 9900);
      lines[line] = `${lines[line]} `;
      versions.push(lines.join('\n'));
    }
    let version = 0;
    const analyzeNext = () => document.analyze({ text: versions[version++]!, language: language as SourceLanguage, fileName });
    await median(30, analyzeNext, 'yield');
    const reanalysis = await median(60, analyzeNext, 'yield');
    document.dispose();

    const regex = await median(21, () => regexScan(text));
    const quietRegex = await median(21, () => regexScan(quiet));
    const quietAnalysis = await median(21, async () => {
      const { tree } = await analyze({ text: quiet, language: language as SourceLanguage, fileName }, catalog, parsers);
      tree?.delete();
    });
    const ok = full <= 1.5 * parse && reanalysis <= 5 && quietAnalysis <= 2 * quietRegex;
    console.log(
      row(
        [language, parse, full, full / parse, reanalysis, regex, quietAnalysis, quietAnalysis / quietRegex, handlers, verdict(ok)],
        widths,
      ),
    );
  }
  console.log('\ntargets: analysis ≤ 1.5× parse; re-analysis after a one-line edit ≤ 5 ms; a file with no candidate ≤ 2× regex');
}

/**
 * A few thousand files of 50–400 lines, all languages mixed, shaped like an app's source tree: a few
 * files handle login codes (1 in 300), some compare common numbers such as HTTP 500 (1 in 10), the
 * rest have no candidate at all.
 */
async function corpus(catalog: Catalog, parsers: Parsers): Promise<void> {
  const files: { text: string; language: SourceLanguage; fileName: string }[] = [];
  for (let i = 0; i < 3000; i++) {
    const language = BENCH_LANGUAGES[i % BENCH_LANGUAGES.length]!;
    const lines = 50 + ((i * 37) % 350);
    const quiet = generateQuietFile(language, lines);
    const text = i % 300 === 0 ? generateFile(language, lines) : i % 10 === 0 ? withCommonNumbers(quiet) : quiet;
    files.push({ text, language: language as SourceLanguage, fileName: `f${i}.${extensionOf(language)}` });
  }
  const bytes = files.reduce((n, f) => n + f.text.length, 0);
  const analyzeAll = async (afterEach: () => void = () => {}) => {
    for (const file of files) {
      const { tree } = await analyze(file, catalog, parsers);
      tree?.delete();
      afterEach();
    }
  };
  const regex = await median(7, () => files.forEach((f) => regexScan(f.text)));
  const full = await median(7, () => analyzeAll());
  // Peak RSS over one more pass, read after every file: reading it costs some microseconds, which stay
  // out of the timed passes.
  let peak = process.memoryUsage.rss();
  await analyzeAll(() => (peak = Math.max(peak, process.memoryUsage.rss())));
  const mb = peak / 1024 / 1024;
  console.log(`\nmixed corpus: ${files.length} files, ${(bytes / 1024 / 1024).toFixed(1)} MB of text`);
  console.log(`  regex scan ${regex.toFixed(1)} ms · analysis ${full.toFixed(1)} ms · ${(full / regex).toFixed(2)}× regex (target ≤ 4×: ${verdict(full <= 4 * regex)})`);
  console.log(`  peak RSS ${mb.toFixed(0)} MB (target ≤ 200 MB: ${verdict(mb <= 200)})`);
}

/** HTTP statuses and limits: common numbers that are catalog codes too, with no SDK in sight. */
function withCommonNumbers(text: string): string {
  return text.replace(/total > 1000/gu, 'total > 500 || total === 200 || total === 1001');
}

async function main(): Promise<void> {
  const part = process.argv[2];
  if (part === 'server') return benchServer();
  if (part !== 'corpus') {
    // What the figures were measured on: V8's version decides how the WASM is compiled (README, Performance).
    console.log(`Node ${process.version} (V8 ${process.versions.v8}), ${availableParallelism()} cores\n`);
  }
  const catalog = loadBundledCatalog();
  const parsers = await Parsers.create();
  if (part === 'corpus') {
    await parsers.warmUp();
    await corpus(catalog, parsers);
    return;
  }
  await perLanguage(catalog, parsers);
  if (part === 'languages') return;
  // Each in a process of its own: the corpus so that its peak RSS is its own; the server so that this
  // process (V8 still optimising the grammars it just ran, a large heap) does not compete with the
  // server it measures for the machine's cores.
  const statuses = ['corpus', 'server'].map((next) => spawnSync(process.execPath, [__filename, next], { stdio: 'inherit' }).status ?? 1);
  process.exitCode = Math.max(...statuses);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
