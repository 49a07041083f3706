/**
 * V8's compilation hints (server/src/analysis/parsing/compilation-hints.ts): the section lands where V8
 * reads it, modules stay valid, V8 acts on the hints, and the runtime's list of hot functions belongs
 * to the web-tree-sitter that is installed.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { HINT, readLayout, withCompilationHints } from '../../server/src/analysis/parsing/compilation-hints';
import { RUNTIME_HOT_FUNCTIONS } from '../../server/src/analysis/parsing/runtime-hot-functions';
import { withCompilationHintsRead } from '../../server/src/analysis/parsing/v8-flags';
import { ROOT } from '../support/paths';

const RUNTIME = path.join(ROOT, 'node_modules', 'web-tree-sitter', 'web-tree-sitter.wasm');
const TYPESCRIPT = path.join(ROOT, 'server', 'grammars', 'tree-sitter-typescript.wasm');

/**
 * A module importing one of each kind (a function, a table, a memory with a maximum, a global) and
 * defining two functions; its code section is its last 9 bytes.
 */
function handMadeModule(): Uint8Array {
  const section = (id: number, content: number[]) => [id, content.length, ...content];
  const name = (text: string) => [text.length, ...Buffer.from(text)];
  const body = [0x00, 0x0b]; // no locals, end
  return Uint8Array.from([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    ...section(1, [1, 0x60, 0, 0]), // one type: () -> ()
    ...section(2, [
      4,
      ...name('env'), ...name('f'), 0x00, 0,
      ...name('env'), ...name('t'), 0x01, 0x70, 0x00, 1,
      ...name('env'), ...name('m'), 0x02, 0x01, 1, 2,
      ...name('env'), ...name('g'), 0x03, 0x7f, 0x00,
    ]),
    ...section(3, [2, 0, 0]),
    ...section(10, [2, body.length, ...body, body.length, ...body]),
  ]);
}

function hintsSection(module: WebAssembly.Module): number[] {
  const [section] = WebAssembly.Module.customSections(module, 'compilationHints');
  assert.ok(section, 'the module has a compilationHints section');
  return [...new Uint8Array(section)];
}

const CODE_SECTION_BYTES = 9;
/** The hints section for the hand-made module: id, size, the name, the count and two hints. */
const HINTS_SECTION_BYTES = 1 + 1 + 1 + 'compilationHints'.length + 1 + 2;

describe('compilation hints for WebAssembly', () => {
  it('reads a module up to its code, with imports of every kind', () => {
    const module = handMadeModule();
    const layout = readLayout(module);
    assert.deepEqual(
      { ...layout, exportedFunctions: undefined },
      { importedFunctions: 1, definedFunctions: 2, codeSectionStart: module.length - CODE_SECTION_BYTES, exportedFunctions: undefined },
    );
  });

  it('counts the runtime and a grammar as V8 does', () => {
    for (const file of [RUNTIME, TYPESCRIPT]) {
      const bytes = readFileSync(file);
      const layout = readLayout(bytes, { withExports: true });
      assert.ok(layout, file);
      const module = new WebAssembly.Module(bytes);
      const imported = WebAssembly.Module.imports(module).filter((i) => i.kind === 'function').length;
      const exported = WebAssembly.Module.exports(module).filter((e) => e.kind === 'function').map((e) => e.name);
      assert.equal(layout.importedFunctions, imported, file);
      assert.deepEqual([...layout.exportedFunctions.keys()].sort(), exported.sort(), file);
      assert.equal(bytes[layout.codeSectionStart], 10, 'the code section starts there');
    }
  });

  it('adds one hint per defined function before the code section, and the module stays valid', () => {
    const module = handMadeModule();
    const hinted = withCompilationHints(module, (index) => (index === 2 ? HINT.optimiseNow : HINT.optimiseInBackground));
    assert.ok(hinted);
    assert.ok(WebAssembly.validate(hinted));
    const compiled = withCompilationHintsRead(() => new WebAssembly.Module(hinted));
    assert.deepEqual(hintsSection(compiled), [2, HINT.optimiseInBackground, HINT.optimiseNow]);
    assert.equal(readLayout(hinted)?.codeSectionStart, module.length - CODE_SECTION_BYTES + HINTS_SECTION_BYTES, 'the code section follows the hints');
  });

  it('gives the runtime and the grammars hints that V8 takes', () => {
    for (const file of [RUNTIME, TYPESCRIPT]) {
      const hinted = withCompilationHints(readFileSync(file), () => HINT.optimiseInBackground);
      assert.ok(hinted && WebAssembly.validate(hinted), file);
      withCompilationHintsRead(() => new WebAssembly.Module(hinted));
    }
  });

  it('leaves what is not a module it can read to the compile', () => {
    const module = handMadeModule();
    assert.equal(withCompilationHints(Uint8Array.from([1, 2, 3]), () => HINT.optimiseNow), null);
    assert.equal(withCompilationHints(module.subarray(0, 30), () => HINT.optimiseNow), null, 'cut short');
    assert.equal(readLayout(module.subarray(0, module.length - CODE_SECTION_BYTES)), null, 'no code section');
  });

  it('has V8 optimise the hinted functions before they run (V8 11 to 13; V8 14 ignores the section)', function () {
    const script = `
      const { readFileSync } = require('node:fs');
      require(${JSON.stringify(path.join(ROOT, 'node_modules', 'tsx', 'dist', 'cjs', 'index.cjs'))});
      const { withCompilationHints, HINT } = require(${JSON.stringify(path.join(ROOT, 'server/src/analysis/parsing/compilation-hints.ts'))});
      const { withCompilationHintsRead } = require(${JSON.stringify(path.join(ROOT, 'server/src/analysis/parsing/v8-flags.ts'))});
      const hinted = withCompilationHints(readFileSync(${JSON.stringify(RUNTIME)}), (i) => (i === 25 || i === 26 ? HINT.optimiseInBackground : HINT.asV8Would));
      withCompilationHintsRead(() => new WebAssembly.Module(hinted));
      setTimeout(() => {}, 1000);`;
    const run = spawnSync(process.execPath, ['--trace-wasm-compilation-times', '-e', script], { encoding: 'utf8' });
    assert.equal(run.status, 0, run.stderr);
    const optimised = [...run.stdout.matchAll(/^Compiled function 0x[0-9a-f]+#(\d+) using TurboFan/gmu)].map((m) => Number(m[1])).sort();
    const v8Major = Number(process.versions.v8.split('.')[0]);
    assert.deepEqual(optimised, v8Major <= 13 ? [25, 26] : []);
  });

  it('has the hot functions of the runtime that is installed', () => {
    const runtime = readFileSync(RUNTIME);
    const webTreeSitter = (JSON.parse(readFileSync(path.join(ROOT, 'node_modules', 'web-tree-sitter', 'package.json'), 'utf8')) as { version: string }).version;
    const rerun = 'web-tree-sitter changed: run `npx tsx tools/dev/runtime-hot-functions.ts`';
    assert.equal(RUNTIME_HOT_FUNCTIONS.webTreeSitter, webTreeSitter, rerun);
    assert.equal(RUNTIME_HOT_FUNCTIONS.runtimeBytes, runtime.length, rerun);
    const layout = readLayout(runtime, { withExports: true })!;
    const total = layout.importedFunctions + layout.definedFunctions;
    assert.ok(RUNTIME_HOT_FUNCTIONS.functions.length >= 10, 'a parse runs more than a few functions hot');
    for (const index of RUNTIME_HOT_FUNCTIONS.functions) assert.ok(index >= layout.importedFunctions && index < total, `${index} is a function the runtime defines`);
    assert.ok(!(RUNTIME_HOT_FUNCTIONS.functions as readonly number[]).includes(layout.exportedFunctions.get('ts_parser_parse_wasm')!), 'the parse entry is left out');
  });
});
