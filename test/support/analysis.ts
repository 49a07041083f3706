/**
 * Helpers for analysis tests: the real catalog and the real WASM parsers (created once per run),
 * and text-anchored views of an analysis so assertions read like the source they test.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../server/src/analysis/analyze';
import { languageForFile, specFor } from '../../server/src/analysis/languages';
import { rewrittenText } from '../../server/src/analysis/languages/spec';
import { Parsers } from '../../server/src/analysis/parsing/parsers';
import type { AnalysisSettings } from '../../server/src/analysis/recognize';
import type { Analysis, TextRange } from '../../server/src/analysis/types';
import { loadCatalogFile, type Catalog } from '../../server/src/catalog/catalog';
import { CATALOG_FILE, ROOT } from './paths';

let shared: Promise<{ catalog: Catalog; parsers: Parsers }> | undefined;

export function sharedEnvironment(): Promise<{ catalog: Catalog; parsers: Parsers }> {
  shared ??= Parsers.create().then((parsers) => ({ catalog: loadCatalogFile(CATALOG_FILE), parsers }));
  return shared;
}

export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export function readFixture(relative: string): string {
  return readFileSync(path.resolve(FIXTURES, relative), 'utf8');
}

/** Analyses `text` as the file `fileName` (the extension picks the language). */
export async function analyzeSource(text: string, fileName: string, settings: AnalysisSettings = {}): Promise<Analysis> {
  const { catalog, parsers } = await sharedEnvironment();
  const language = languageForFile(fileName);
  if (!language) throw new Error(`no language for ${fileName}`);
  const { analysis, tree } = await analyze({ text, language, fileName, settings }, catalog, parsers);
  tree?.delete();
  return analysis;
}

export async function analyzeFixture(relative: string, settings: AnalysisSettings = {}): Promise<{ text: string; analysis: Analysis }> {
  const text = readFixture(relative);
  return { text, analysis: await analyzeSource(text, relative, settings) };
}

/** The 1-based line of an offset. */
export function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function slice(text: string, range: TextRange): string {
  return text.slice(range.start, range.end);
}

/** References as `[code, source text, line]`, in source order. */
export function referencesOf(text: string, analysis: Analysis): [number, string, number][] {
  return analysis.references.map((r) => [r.code, slice(text, r.range), lineOf(text, r.range.start)]);
}

/** Findings as `[rule, source text at the range, line]`, in source order. */
export function findingsOf(text: string, analysis: Analysis): [string, string, number][] {
  return analysis.findings.map((f) => [f.rule, slice(text, f.range), lineOf(text, f.range.start)]);
}

/** Handlers as `{ kind, subject, codes, product, platform, fallback, line }`. */
export function handlersOf(text: string, analysis: Analysis) {
  return analysis.handlers.map((h) => ({
    kind: h.kind,
    subject: h.subject,
    codes: h.codes,
    table: `${h.product}/${h.platform}`,
    hasFallback: h.fallback !== null,
    line: lineOf(text, h.range.start),
  }));
}

/** One test per fixture: the analysis finds no reference, handler or finding in it. */
export function itFindsNothingIn(fixtures: readonly string[]): void {
  for (const fixture of fixtures) {
    it(`finds nothing in ${fixture}`, async () => {
      const { analysis } = await analyzeFixture(fixture);
      assert.equal(analysis.skipped, null);
      assert.deepEqual(analysis.references, []);
      assert.deepEqual(analysis.handlers, []);
      assert.deepEqual(analysis.findings, []);
    });
  }
}

/** One test per fixture: it parses (after its language's rewrite) with no ERROR node. */
export function itParsesCleanly(fixtures: readonly string[]): void {
  for (const fixture of fixtures) {
    it(`${fixture} has no ERROR node`, async () => {
      const { parsers } = await sharedEnvironment();
      const spec = specFor(languageForFile(fixture)!)!;
      const text = readFixture(fixture);
      const { tree } = await parsers.parse(spec.grammarFor(fixture), spec.prepare ? rewrittenText(spec.prepare(text)) : text);
      assert.ok(tree, `${fixture} did not parse`);
      try {
        assert.equal(tree.rootNode.hasError, false);
      } finally {
        tree.delete();
      }
    });
  }
}

/** The fixtures in a folder of test/fixtures (relative paths), optionally by extension. */
export function fixturesIn(folder: string, extension?: string): string[] {
  return readdirSync(path.join(FIXTURES, folder))
    .filter((f) => languageForFile(f) && (!extension || f.endsWith(extension)))
    .sort()
    .map((f) => `${folder}/${f}`);
}
