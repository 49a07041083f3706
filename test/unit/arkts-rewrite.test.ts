/**
 * The equal-length ArkTS → TypeScript rewrite: each rule, what it must leave alone (strings, comments,
 * plain TypeScript), and the invariants the analysis relies on (same length, line breaks in place,
 * no ERROR node) on every fixture and on a generated 10k-line file.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { maskArkts, rewriteArkts, rewriteArktsIncrementally } from '../../server/src/analysis/languages/arkts-rewrite';
import { changedSpan } from '../../server/src/analysis/parsing/edit';
import { FIXTURES, sharedEnvironment } from '../support/analysis';
import { ROOT } from '../support/paths';
import { random, typing } from '../support/typing';

function filesUnder(dir: string, extensions: RegExp): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => extensions.test(file))
    .map((file) => path.join(dir, file))
    .sort();
}

/** Offsets of every line break (\n and \r). */
function lineBreaks(text: string): number[] {
  return [...text.matchAll(/[\r\n]/gu)].map((m) => m.index);
}

function assertEqualLength(original: string, rewritten: string, label: string): void {
  assert.equal(rewritten.length, original.length, `${label}: length`);
  assert.deepEqual(lineBreaks(rewritten), lineBreaks(original), `${label}: line breaks`);
}

async function errorCount(text: string): Promise<number> {
  const { parsers } = await sharedEnvironment();
  const { tree } = await parsers.parse('typescript', text, null, 60_000);
  assert.ok(tree);
  let count = 0;
  const walk = (node: NonNullable<typeof tree>['rootNode']): void => {
    if (node.type === 'ERROR' || node.isMissing) count++;
    else if (node.hasError) for (const child of node.children) if (child) walk(child);
  };
  walk(tree.rootNode);
  tree.delete();
  return count;
}

/** A generated ArkTS page: nested UI blocks in every brace style, chained attributes, handlers. */
function generatedPage(index: number): string {
  const next = random(index + 1);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const lines: string[] = [];
  const containers = ['Column', 'Row', 'Stack', 'Flex', 'Scroll', 'RelativeContainer'];
  const openers = [' {', '{', '  {'];
  const tree = (depth: number, indent: string): void => {
    const container = pick(containers);
    const args = pick(['()', '({ space: 8 })', `({\n${indent}  alignItems: HorizontalAlign.Start\n${indent}})`]);
    lines.push(`${indent}${container}${args}${pick(openers)}`);
    const children = 1 + Math.floor(next() * 3);
    for (let c = 0; c < children; c++) {
      const kind = depth < 3 ? Math.floor(next() * 6) : Math.floor(next() * 3);
      if (kind === 0) lines.push(`${indent}  Text('第 ${c} 行 ✨').fontSize(${12 + c})`);
      else if (kind === 1) lines.push(`${indent}  Text(this.title)`, `${indent}    .fontColor('#333333')`, `${indent}    .maxLines(1)`);
      else if (kind === 2) {
        lines.push(`${indent}  Button('重试')`, `${indent}    .onClick(() => {`);
        lines.push(`${indent}      if (this.code === '-20202') {`, `${indent}        this.retry()`, `${indent}      } else if (this.code === '-20203') {`);
        lines.push(`${indent}        this.title = \`失败 \${this.code}\``, `${indent}      }`, `${indent}    })`);
      } else if (kind === 3) {
        lines.push(`${indent}  ForEach(this.items, (item: string, i: number) => {`);
        tree(depth + 1, `${indent}    `);
        lines.push(`${indent}  }, (item: string) => item)`);
      } else if (kind === 4) {
        lines.push(`${indent}  if (this.loading) {`);
        tree(depth + 1, `${indent}    `);
        lines.push(`${indent}  } else {`, `${indent}    LoadingProgress()`, `${indent}  }`);
      } else {
        tree(depth + 1, `${indent}  `);
      }
    }
    lines.push(`${indent}}`);
    if (next() < 0.7) lines.push(`${indent}.width('100%')`);
    if (next() < 0.4) lines.push(`${indent}.padding({ top: 4, bottom: 4 })`);
  };
  lines.push(
    `@Styles function fill${index}() {`,
    "  .width('100%')",
    "  .height('100%')",
    '}',
    '',
    `@Extend(Text) function caption${index}(size: number) {`,
    '  .fontSize(size)',
    '}',
    '',
    '@Component',
    `export struct Page${index} {`,
    "  @State title: string = ''",
    "  @State code: string = ''",
    '  @State loading: boolean = false',
    '  @Prop items: string[] = []',
    '',
    '  retry(): void {',
    '    // 重新请求 struct Fake { 不会被改写',
    "    this.title = 'Column() { 也不会 }'",
    '  }',
    '',
    `  @Builder Header${index}() {`,
  );
  tree(2, '    ');
  lines.push('  }', '', '  build() {');
  tree(0, '    ');
  lines.push('  }', '}', '');
  return lines.join('\n');
}

const ARKTS_FIXTURES = filesUnder(path.join(FIXTURES, 'arkts'), /\.ets$/u);

describe('ArkTS rewrite: rules', () => {
  it('turns struct into class', () => {
    assert.equal(rewriteArkts('@Component\nstruct Foo {\n}'), '@Component\nclass  Foo {\n}');
    assert.equal(rewriteArkts('export default struct Foo {}'), 'export default class  Foo {}');
  });

  it('turns a decorator before a function into an equal-length comment', () => {
    assert.equal(rewriteArkts('@Styles function s() {}'), '/*****/ function s() {}');
    assert.equal(rewriteArkts('@Extend(Text) function e() {}'), '/***********/ function e() {}');
    assert.equal(rewriteArkts('@Builder\nexport function B() {}'), '/******/\nexport function B() {}');
    assert.equal(rewriteArkts('@B function f() {}'), '   function f() {}');
  });

  it('ends a UI call before its trailing block, with or without a blank', () => {
    assert.equal(rewriteArkts('function f() {\n  Column({ space: 8 }) {\n    Text("a")\n  }\n}'), 'function f() {\n  Column({ space: 8 });{\n    Text("a")\n  }\n}');
    assert.equal(rewriteArkts('function f() {\n  Row(){\n    Text("a")\n  }\n}'), 'function f() {\n  Row();\n    Text("a")\n  ;\n}');
    assert.equal(rewriteArkts('function f() {\n  Row()\n  {\n  }\n}'), 'function f() {\n  Row()\n; {\n  }\n}');
    assert.equal(rewriteArkts('function f() {\n  Row()\n{\n  }\n}'), 'function f() {\n  Row()\n;\n  ;\n}');
    // A comment between `)` and `{` is not written into.
    assert.equal(rewriteArkts('function f() {\n  Row()/*x*/{}\n}'), 'function f() {\n  Row()/*x*/;;\n}');
  });

  it('blanks a dot that cannot continue an expression', () => {
    assert.equal(rewriteArkts("function f() {\n  Row() {\n  }\n  .width('100%')\n  .height(8)\n}"), "function f() {\n  Row();{\n  }\n   width('100%')\n  .height(8)\n}");
    assert.equal(rewriteArkts('@Styles function s() {\n  .width(1)\n}'), '/*****/ function s() {\n   width(1)\n}');
    assert.equal(rewriteArkts('class C {\n  @Styles p() {\n    .opacity(1)\n  }\n}'), 'class C {\n  @Styles p() {\n     opacity(1)\n  }\n}');
    assert.equal(rewriteArkts("x.stateStyles({ pressed: { .backgroundColor('#EEE') } })"), "x.stateStyles({ pressed: _ .backgroundColor('#EEE')   })");
  });

  it('keeps methods, declarations and member calls with upper-case names', () => {
    const text = [
      'struct A {',
      '  @Builder Header() {',
      '    Row() {}',
      '  }',
      '  build() {',
      '    function Local() { return 1 }',
      '    this.Header()',
      '  }',
      '}',
    ].join('\n');
    assert.equal(
      rewriteArkts(text),
      ['class  A {', '  @Builder Header() {', '    Row();{}', '  }', '  build() {', '    function Local() { return 1 }', '    this.Header()', '  }', '}'].join('\n'),
    );
  });

  it('reads identifiers with non-ASCII letters as one word', () => {
    // Split at the non-ASCII letter, `Column() {}` would look like a UI call and be rewritten.
    const text = ['struct 页面 {', '  build() {', '    xÉColumn() {}', '    变Column() {}', '    𠮷Column() {}', '    Row() {}', '  }', '}'].join('\n');
    assert.equal(
      rewriteArkts(text),
      ['class  页面 {', '  build() {', '    xÉColumn() {}', '    变Column() {}', '    𠮷Column() {}', '    Row();{}', '  }', '}'].join('\n'),
    );
  });

  it('never rewrites inside strings, template literals, regular expressions or comments', () => {
    const text = [
      "const a = 'struct X { Column() { .width(1) }'",
      'const b = "@Builder function f() {}"',
      'const c = `Row(){ ${ {k: 1}.k } } .x`',
      'const d = /Column\\(\\) \\{/u',
      '// struct Y { Row() {} }',
      '/* @Styles function s() { .width(1) } */',
    ].join('\n');
    assert.equal(rewriteArkts(text), text);
  });

  it('masks strings, templates, regular expressions and comments with the same length', () => {
    const text = "let s = 'a\\'b' + `t${'{'}`; // c\nlet r = /[/]x/g; /* m\n */ let d = 4 / 2 / 1";
    const masked = maskArkts(text);
    assertEqualLength(text, masked, 'mask');
    assert.equal(masked, "let s = 'xxxx' + `xxxxxxx`;     \nlet r = /xxxx/g;     \n    let d = 4 / 2 / 1");
  });
});

describe('ArkTS rewrite: plain TypeScript is left as it is', () => {
  it('changes nothing in tricky TypeScript', () => {
    const text = [
      'function Foo() { return 1 }',
      'export default { Setup() { return 2 } }',
      'class A<T = {}> extends B<{ a: number }> implements C { Render(): void {} static Make() { return new A() } }',
      'const o = { Foo() {}, ...rest, n: .5 }',
      'const f = (function () { return 1 }).call(this) + function () {}.length',
      'const k = { a: 1 }.a',
      'const struct = 1; struct.toString()',
      'switch (k) { case 1: { Foo(); break } default: {} }',
      'label: { Foo() }',
      'if (Check(k)) { Foo() } else if (k) { Bar() }',
      '@sealed class D { @log Method() {} @field value = 1 }',
      'type T = { Foo(): void }',
      'for (;;) { break }',
      'const t = a?.b ?? c?.[0]',
      'x = y / 2 / z',
      'const re = /{/u.test(s) ? `${s}` : s',
    ].join('\n');
    assert.equal(rewriteArkts(text), text);
  });

  it('changes nothing in the TypeScript fixtures and the project sources', () => {
    const files = [
      ...filesUnder(path.join(FIXTURES, 'typescript'), /\.ts$/u),
      ...filesUnder(path.join(FIXTURES, 'negative'), /\.[jt]s$/u),
      ...filesUnder(path.join(ROOT, 'server', 'src'), /\.ts$/u),
      ...filesUnder(path.join(ROOT, 'test'), /\.test\.ts$/u),
    ];
    assert.ok(files.length > 30);
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      assert.ok(rewriteArkts(text) === text, `${path.relative(ROOT, file)} was rewritten`);
    }
  });
});

describe('ArkTS rewrite: invariants', () => {
  it('keeps the length and every line break of every fixture', () => {
    assert.ok(ARKTS_FIXTURES.length >= 6);
    for (const file of ARKTS_FIXTURES) {
      const text = readFileSync(file, 'utf8');
      assertEqualLength(text, rewriteArkts(text), path.basename(file));
    }
  });

  it('keeps the length and line breaks of CRLF text, and never rewrites a line break', () => {
    const text = "@Entry\r\n@Component\r\nstruct A {\r\n  build() {\r\n    Row()\r\n{\r\n    }\r\n    .width(1)\r\n  }\r\n}\r\n";
    const rewritten = rewriteArkts(text);
    assertEqualLength(text, rewritten, 'crlf');
    assert.equal(rewritten, "@Entry\r\n@Component\r\nclass  A {\r\n  build() {\r\n    Row()\r\n;\r\n    ;\r\n     width(1)\r\n  }\r\n}\r\n");
  });

  it('rewrites a generated 10k-line file with the same length and line breaks and 0 ERROR nodes', async () => {
    const parts: string[] = [];
    let lines = 0;
    for (let i = 0; lines < 10_000; i++) {
      const page = generatedPage(i);
      parts.push(page);
      lines += page.split('\n').length;
    }
    const text = parts.join('\n');
    assert.ok(text.split('\n').length >= 10_000);
    const rewritten = rewriteArkts(text);
    assertEqualLength(text, rewritten, 'generated');
    assert.ok((await errorCount(text)) > 100, 'the raw file is not TypeScript');
    assert.equal(await errorCount(rewritten), 0);
  });

  it('rewrites only around an edit, and gets exactly what a rewrite of the whole text gets', () => {
    const pick = random(2026);
    let bounded = 0;
    for (const file of ARKTS_FIXTURES) {
      const original = readFileSync(file, 'utf8');
      let rewrite = rewriteArktsIncrementally(original, null, null);
      for (const { step, before, after: text } of typing(original, pick, 60)) {
        const previousSource = rewrite.source;
        rewrite = rewriteArktsIncrementally(text, rewrite, changedSpan(before, text));
        const whole = rewriteArkts(text);
        // The parser reads pieces after an edit (up to 32 characters, stopping at a replacement); the
        // source itself is built last.
        for (let read = 0; read < 20; read++) {
          const start = Math.floor(pick() * text.length);
          const end = start + 1 + Math.floor(pick() * 40);
          assert.equal(rewrite.read(start, end), whole.slice(start, end), `${path.basename(file)}, read(${start}, ${end}) after edit ${step}`);
          const piece = rewrite.readPiece(start, end);
          assert.ok(piece.length > 0 && whole.startsWith(piece, start) && piece.length <= end - start, `${path.basename(file)}, readPiece(${start}, ${end}) after edit ${step}`);
        }
        assert.equal(rewrite.source, whole, `${path.basename(file)}, after edit ${step}`);
        if (rewrite.changed) {
          // The rewrite says where its source can differ from the previous one: it must.
          const actual = changedSpan(previousSource, rewrite.source);
          assert.deepEqual(changedSpan(previousSource, rewrite.source, rewrite.changed), actual, `${path.basename(file)}, changed span after edit ${step}`);
          bounded++;
        }
        assert.deepEqual(rewrite.syncPoints, rewriteArktsIncrementally(text, null, null).syncPoints, `${path.basename(file)}, sync points after edit ${step}`);
      }
    }
    assert.ok(bounded > 100, `only ${bounded} edits were rewritten in part`);
  });

  it('rewrites a `.` typed right after any `;` or `}` as a rewrite of the whole text does', () => {
    for (const file of ARKTS_FIXTURES) {
      const text = readFileSync(file, 'utf8');
      const before = rewriteArktsIncrementally(text, null, null);
      for (const match of text.matchAll(/[;}]/gu)) {
        const at = match.index + 1;
        const edited = `${text.slice(0, at)}.${text.slice(at)}`;
        const after = rewriteArktsIncrementally(edited, before, changedSpan(text, edited));
        assert.equal(after.source, rewriteArkts(edited), `${path.basename(file)}, a dot at ${at}`);
      }
    }
  });
});
