/**
 * Every quick fix, applied to careless handlers, must leave code that still builds: TypeScript is
 * type-checked with the compiler API, Java is compiled with javac, and Kotlin, Swift, Objective-C and
 * ArkTS results must re-parse with no ERROR node.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ts from 'typescript';
import { languageForFile, specFor } from '../../server/src/analysis/languages';
import { rewrittenText } from '../../server/src/analysis/languages/spec';
import type { Analysis } from '../../server/src/analysis/types';
import { codeActions } from '../../server/src/features/code-actions';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { DEFAULT_SETTINGS } from '../../server/src/settings';
import { LineIndex } from '../../server/src/util/line-index';
import { analyzeSource, FIXTURES, readFixture, sharedEnvironment } from '../support/analysis';
import { applyWorkspaceEdit } from '../support/edits';

interface Fixed {
  readonly title: string;
  readonly text: string;
}

/** Every fix the server offers for the file (suppressions left out), each applied on its own. */
async function applyEveryFix(relative: string, text: string): Promise<{ analysis: Analysis; fixed: Fixed[] }> {
  const { catalog } = await sharedEnvironment();
  const analysis = await analyzeSource(text, relative);
  const lines = new LineIndex(text);
  const uri = `file:///${relative}`;
  const diagnostics = toDiagnostics(analysis, text, lines, DEFAULT_SETTINGS, 'zh');
  const actions = codeActions({ uri, text, lines, analysis, catalog, lang: 'zh', diagnostics });
  const fixed = actions
    .filter((a) => !a.title.startsWith('在此行忽略'))
    .map((a) => ({ title: a.title, text: applyWorkspaceEdit(text, uri, a.edit) }));
  return { analysis, fixed };
}

const TS_OPTIONS: ts.CompilerOptions = {
  strict: true,
  noEmit: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  types: [],
};
/** The standard library's declaration files, parsed once for all the programs below. */
const libraryFiles = new Map<string, ts.SourceFile | undefined>();

function typeErrors(fileName: string, text: string): string[] {
  const stub = path.join(FIXTURES, 'fixes', 'node_modules_stub.d.ts');
  const host = ts.createCompilerHost(TS_OPTIONS);
  const load = host.getSourceFile.bind(host);
  host.getSourceFile = (file, language) => {
    if (path.resolve(file) === path.resolve(fileName)) return ts.createSourceFile(file, text, language);
    if (!libraryFiles.has(file)) libraryFiles.set(file, load(file, language));
    return libraryFiles.get(file);
  };
  const program = ts.createProgram([fileName, stub], TS_OPTIONS, host);
  return ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

async function parsesCleanly(relative: string, text: string): Promise<boolean> {
  const { parsers } = await sharedEnvironment();
  const spec = specFor(languageForFile(relative)!)!;
  const { tree } = await parsers.parse(spec.grammarFor(relative), spec.prepare ? rewrittenText(spec.prepare(text)) : text);
  try {
    return tree !== null && !tree.rootNode.hasError;
  } finally {
    tree?.delete();
  }
}

describe('quick fixes build', () => {
  it('TypeScript: every fix type-checks (tsc, strict)', async () => {
    const relative = 'fixes/handlers.ts';
    const original = readFixture(relative);
    assert.deepEqual(typeErrors(path.join(FIXTURES, relative), original), [], 'the fixture itself compiles');
    const { fixed } = await applyEveryFix(relative, original);
    assert.equal(fixed.length, 9, 'a fix for each of the 9 findings');
    for (const { title, text } of fixed) {
      assert.notEqual(text, original, title);
      const errors = typeErrors(path.join(FIXTURES, relative), text);
      assert.deepEqual(errors, [], `${title}: ${errors.join('; ')}\n${text}`);
    }
  });

  it('Java: every fix compiles (javac)', async () => {
    const relative = 'fixes/java/demo/LoginHandlers.java';
    const original = readFixture(relative);
    const { fixed } = await applyEveryFix(relative, original);
    assert.equal(fixed.length, 8, 'a fix for each of the 8 findings');
    const dir = mkdtempSync(path.join(tmpdir(), 'onelogin-javac-'));
    cpSync(path.join(FIXTURES, 'fixes', 'java-stubs'), dir, { recursive: true });
    const sources = [path.join(dir, 'demo', 'LoginHandlers.java')];
    mkdirSync(path.join(dir, 'demo'), { recursive: true });
    writeFileSync(sources[0]!, original);
    fixed.forEach(({ text }, i) => {
      const file = path.join(dir, 'demo', `v${i}`, 'LoginHandlers.java');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text.replace('package demo;', `package demo.v${i};`));
      sources.push(file);
    });
    const stubs = ['org/json/JSONObject.java', 'com/geetest/onelogin/OneLoginHelper.java'].map((f) => path.join(dir, f));
    const javac = spawnSync('javac', ['-encoding', 'UTF-8', '-d', path.join(dir, 'classes'), ...stubs, ...sources], { encoding: 'utf8' });
    if (javac.error) throw new Error(`javac could not run: ${javac.error.message}`);
    assert.equal(javac.status, 0, javac.stderr);
  });

  for (const language of ['kotlin', 'swift', 'objc', 'arkts', 'typescript']) {
    it(`${language}: every fix on the fixtures re-parses with no ERROR node`, async () => {
      const folder = path.join(FIXTURES, language);
      let count = 0;
      for (const name of readdirSync(folder).filter((f) => languageForFile(f))) {
        const relative = `${language}/${name}`;
        const { fixed } = await applyEveryFix(relative, readFixture(relative));
        for (const { title, text } of fixed) {
          count++;
          assert.ok(await parsesCleanly(relative, text), `${relative}: ${title}\n${text}`);
        }
      }
      assert.ok(count > 0, `some fix was applied to the ${language} fixtures`);
    });
  }
});
