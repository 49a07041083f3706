import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { Parser, Language, Query, Tree } from 'web-tree-sitter';
import { Parsers } from '../../server/src/analysis/parsing/parsers';

// The vendored grammar wasm files (server/grammars/), their manifest (grammars.json)
// and their provenance (PROVENANCE.md): integrity, loading, and parsing ordinary code
// of each language with no ERROR or MISSING node. The Swift grammar is our own build
// with a scanner fix; the raw-string tests below fail with the published Swift wasm.

interface GrammarEntry {
  id: string;
  file: string;
  package: string;
  version: string;
  source: 'npm' | 'built';
  tarballSha256: string;
  sha256: string;
  size: number;
}

const GRAMMARS_DIR = path.resolve(__dirname, '../../server/grammars');
const manifest = JSON.parse(readFileSync(path.join(GRAMMARS_DIR, 'grammars.json'), 'utf8')) as {
  grammars: GrammarEntry[];
};
const EXPECTED_IDS = ['typescript', 'tsx', 'java', 'kotlin', 'objc', 'swift'];

/** Ordinary code of each language; also the shapes the server looks at (error-code comparisons, switches). */
const SNIPPETS: Record<string, string> = {
  typescript: `
import { login, type Result } from './sdk';
export enum Code { Timeout = -20202, Cancel = -20201 }
interface Opts<T extends object = {}> { readonly retries?: number; extra: T }
export async function run<T extends object>(opts: Opts<T>): Promise<Result | undefined> {
  const r = await login(opts as unknown as Record<string, unknown>);
  if (r.code == -20202 || r.code === Code.Cancel || '-20201' === r.msg) return undefined;
  switch (r.code) {
    case -20202: case Code.Cancel: console.warn(\`retry \${opts.retries ?? 0}\`); break;
    default: throw new Error(String(r.code));
  }
  return r satisfies Result;
}
export class Client { #token?: string; constructor(private readonly base: string) {} get token() { return this.#token!; } }
`,
  // The TypeScript grammars are also used for JavaScript: tsx for .js/.jsx, which adds JSX.
  tsx: `
import React, { useState } from 'react';
export function ErrorCard({ code }: { code: number }) {
  const [open, setOpen] = useState<boolean>(false);
  return (
    <div className="card" onClick={() => setOpen(!open)}>
      {code === -20202 ? <span>超时 timeout</span> : <>{String(code)}</>}
    </div>
  );
}
`,
  java: `
package com.example.login;

import java.util.List;
import java.util.function.Function;

public final class Handler<T extends Comparable<T>> {
    private static final String TIMEOUT = "-20202";
    record Pair(int code, String msg) {}

    public String handle(int code, String msg, List<? super T> sink) {
        if (code == -20202 || "-20201".equals(msg)) {
            return TIMEOUT;
        }
        switch (code) {
            case -20202, -20201:
                return "retry";
            default:
                break;
        }
        Function<Integer, String> f = c -> switch (c) { case 1 -> "one"; default -> "other"; };
        try { return f.apply(code); } catch (RuntimeException | Error e) { throw new IllegalStateException(e); }
    }
}
`,
  kotlin: `
package com.example.login

import kotlinx.coroutines.launch

data class Result(val code: Int, val msg: String? = null)

fun Result.isTimeout(): Boolean = code == -20202 || "-20202".equals(msg)

class Handler(private val scope: CoroutineScope) {
    fun handle(r: Result): String {
        val label = when (r.code) {
            -20202, -20201 -> "retry"
            in 1..10 -> "low"
            else -> "other \${r.code}"
        }
        scope.launch { println(label) }
        return r.msg?.let { it.trim() } ?: label
    }
}
`,
  objc: `
#import <Foundation/Foundation.h>

@interface Handler : NSObject
@property (nonatomic, copy) NSString *lastCode;
- (BOOL)handleCode:(NSInteger)code message:(NSString *)msg;
@end

@implementation Handler
- (BOOL)handleCode:(NSInteger)code message:(NSString *)msg {
    if (code == -20202 || [@"-20201" isEqualToString:msg]) {
        return NO;
    }
    switch (code) {
        case -20202:
            self.lastCode = @"timeout";
            break;
        default:
            break;
    }
    void (^done)(NSString *) = ^(NSString *s) { NSLog(@"%@", s); };
    done(msg);
    return YES;
}
@end
`,
  swift: `
import Foundation

enum LoginError: Error { case timeout(code: Int), cancelled }

struct Handler {
    let base: URL
    func handle(code: Int, message: String?) throws -> String {
        guard let message = message else { throw LoginError.cancelled }
        if code == -20202 || message != "-20201" {
            return "retry"
        }
        switch code {
        case -20202, -20201:
            return "timeout \\(code)"
        default:
            let parsed = try! JSONSerialization.jsonObject(with: Data(), options: [])
            return String(describing: parsed)
        }
    }
}
`,
};

// Plain JavaScript, parsed by both TypeScript grammars (no tree-sitter-javascript is vendored).
const PLAIN_JS = `
'use strict';
const { login } = require('./sdk');
let type = 1, declare = 2, abstract = 3, readonly = 4, namespace = 5, as = 6, satisfies = 7;
const re = /[a-z]+\\/(?<n>\\d{2,})/giu, t = \`code \${x == -20202 ? 'a' : \`n\${y}\`}\`;
class A extends B { #p = 1; static { init(); } has(o) { return #p in o; } }
x ||= 1; y ??= 2; n = 1_000n ** 2n; a = b < c; d = e > f;
switch (code) { case -20202: case '-20202': handle(); break; default: fallback(); }
if (code === '-20202' || '-20201' == code) {}
module.exports = { login };
`;

const RAW_STRINGS_SWIFT = `
let a = #"He said "hi" and left"#
let b = ##"a "# inside"##
let c = #"interpolated \\#(a) value"#
let d = """
    multi "line"
    """
let e = #"""
    raw "multi" \\n line
    """#
func check(_ code: Int) -> Bool { return code == -20202 }
`;

/** `lines` lines of varied Swift (raw strings, multi-line strings, switches, closures), whole blocks only. */
function generateSwift(lines: number): string {
  const block = (i: number) => [
    `// MARK: block ${i}`,
    `struct Item${i}: Codable, Equatable {`,
    `    let id: Int`,
    `    var name: String = #"item "${i}""#`,
    `    var pattern = ##"^\\d+"#-${i}$"##`,
    `    static func make(_ n: Int) -> [Item${i}] { (0..<n).map { Item${i}(id: $0) } }`,
    `}`,
    `func handle${i}(code: Int, msg: String?) throws -> String {`,
    `    guard let msg = msg, !msg.isEmpty else { return "" }`,
    `    if code == -20202 || msg != "-20201" { return "retry \\(code)" }`,
    `    switch code {`,
    `    case -20202, -20201:`,
    `        return #"timeout "\\#(msg)""#`,
    `    case let c where c > ${i}:`,
    `        return """`,
    `            multi-line ${i} "quoted"`,
    `            """`,
    `    default:`,
    `        let xs = [1, 2, 3].filter { $0 % 2 == 1 }.map(String.init)`,
    `        return xs.joined(separator: ",")`,
    `    }`,
    `}`,
    ``,
  ];
  const out: string[] = [];
  for (let i = 0; ; i++) {
    const b = block(i);
    if (out.length + b.length > lines) break;
    out.push(...b);
  }
  for (let i = 0; out.length < lines; i++) out.push(`let pad${i} = #"pad ${i}"#`);
  return out.join('\n') + '\n';
}

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

const languages = new Map<string, Language>();
const errorQueries = new Map<string, Query>();

/** Counts ERROR and MISSING nodes with a query, independently of `hasError`. */
function problems(tree: Tree, id: string): string[] {
  const query = errorQueries.get(id)!;
  return query
    .captures(tree.rootNode)
    .map((c) => `${c.node.isMissing ? 'MISSING' : c.node.type} at ${c.node.startPosition.row + 1}:${c.node.startPosition.column}`);
}

/**
 * Parses `text` and asserts the tree is clean. A parse that runs past `budgetMs` is cancelled and fails
 * (a broken scanner makes error recovery quadratic: minutes for 10k lines).
 */
function parseClean(parser: Parser, id: string, text: string, label: string, budgetMs = 5000): void {
  const t0 = performance.now();
  const tree = parser.parse(text, null, { progressCallback: () => performance.now() - t0 > budgetMs });
  if (!tree) {
    parser.reset();
    assert.fail(`${label}: parse cancelled after ${budgetMs} ms`);
  }
  try {
    const found = problems(tree, id);
    assert.deepEqual(found.slice(0, 10), [], `${label}: ${found.length} ERROR/MISSING nodes`);
    assert.equal(tree.rootNode.hasError, false, `${label}: hasError is set on a tree without ERROR nodes`);
    assert.equal(tree.rootNode.endIndex, text.length, `${label}: tree does not span the text`);
  } finally {
    tree.delete();
  }
}

describe('grammars', function () {
  this.timeout(30000);

  before(async function () {
    // The runtime is initialised once per process, by Parsers (see parsing/binding.ts).
    await Parsers.create();
    for (const g of manifest.grammars) {
      const language = await Language.load(path.join(GRAMMARS_DIR, g.file));
      languages.set(g.id, language);
      errorQueries.set(g.id, new Query(language, '(ERROR) @error (MISSING) @missing'));
    }
  });

  after(function () {
    for (const q of errorQueries.values()) q.delete();
    errorQueries.clear();
    languages.clear();
  });

  describe('grammars.json and PROVENANCE.md', function () {
    it('lists exactly the expected grammars, each with a unique id and file', function () {
      assert.deepEqual(manifest.grammars.map((g) => g.id).sort(), [...EXPECTED_IDS].sort());
      assert.equal(new Set(manifest.grammars.map((g) => g.file)).size, manifest.grammars.length);
      for (const g of manifest.grammars) {
        assert.match(g.sha256, /^[0-9a-f]{64}$/, g.id);
        assert.match(g.tarballSha256, /^[0-9a-f]{64}$/, g.id);
        assert.ok(g.package && g.version, g.id);
      }
    });

    it('every wasm file matches its sha256 and size', function () {
      for (const g of manifest.grammars) {
        const file = path.join(GRAMMARS_DIR, g.file);
        assert.equal(sha256(file), g.sha256, `${g.file}: sha256`);
        assert.equal(statSync(file).size, g.size, `${g.file}: size`);
      }
    });

    it('PROVENANCE.md records the same versions and sha256s', function () {
      const doc = readFileSync(path.join(GRAMMARS_DIR, 'PROVENANCE.md'), 'utf8');
      for (const g of manifest.grammars) {
        assert.ok(doc.includes(g.sha256), `${g.file}: wasm sha256 missing from PROVENANCE.md`);
        assert.ok(doc.includes(g.tarballSha256), `${g.file}: tarball sha256 missing from PROVENANCE.md`);
        assert.ok(doc.includes(`${g.package}@${g.version}`), `${g.package}@${g.version} missing from PROVENANCE.md`);
      }
    });
  });

  describe('loading and parsing', function () {
    for (const id of EXPECTED_IDS) {
      it(`${id}: loads (ABI 13-15) and parses ordinary code with no ERROR nodes`, function () {
        const language = languages.get(id);
        assert.ok(language, `${id} not loaded`);
        assert.ok(language.abiVersion >= 13 && language.abiVersion <= 15, `${id}: ABI ${language.abiVersion}`);
        const parser = new Parser();
        try {
          parser.setLanguage(language);
          parseClean(parser, id, SNIPPETS[id], id);
        } finally {
          parser.delete();
        }
      });
    }

    it('plain JavaScript parses with both TypeScript grammars with no ERROR nodes', function () {
      for (const id of ['typescript', 'tsx']) {
        const parser = new Parser();
        try {
          parser.setLanguage(languages.get(id)!);
          parseClean(parser, id, PLAIN_JS, `JavaScript with ${id}`);
        } finally {
          parser.delete();
        }
      }
    });

    it('hasError and the ERROR count agree on broken code', function () {
      const broken: Record<string, string> = {
        typescript: 'let x = (1 + ;\nfoo(',
        java: 'class A { void f() { int x = ; } ',
        swift: 'let a = #"unterminated\nfunc (',
      };
      for (const [id, text] of Object.entries(broken)) {
        const parser = new Parser();
        parser.setLanguage(languages.get(id)!);
        const tree = parser.parse(text)!;
        try {
          assert.equal(tree.rootNode.hasError, true, `${id}: hasError`);
          assert.ok(problems(tree, id).length > 0, `${id}: no ERROR/MISSING node found`);
        } finally {
          tree.delete();
          parser.delete();
        }
      }
    });
  });

  describe('swift (patched scanner)', function () {
    it('parses raw strings correctly on repeated parses in one process', function () {
      const parser = new Parser();
      const other = new Parser();
      try {
        parser.setLanguage(languages.get('swift')!);
        other.setLanguage(languages.get('swift')!);
        // The published wasm gets the first parse right and the later ones wrong.
        for (let i = 1; i <= 3; i++) parseClean(parser, 'swift', RAW_STRINGS_SWIFT, `raw strings, parse ${i}`);
        parseClean(other, 'swift', RAW_STRINGS_SWIFT, 'raw strings, second parser');
        // And the raw strings are raw_string_literal nodes, delimiters included.
        const tree = parser.parse(RAW_STRINGS_SWIFT)!;
        try {
          const raws = tree.rootNode.descendantsOfType('raw_string_literal').map((n) => n!.text);
          assert.ok(raws.includes('#"He said "hi" and left"#'), raws.join(' | '));
          assert.ok(raws.includes('##"a "# inside"##'), raws.join(' | '));
        } finally {
          tree.delete();
        }
      } finally {
        parser.delete();
        other.delete();
      }
    });

    it('parses a generated 10,000-line file with no ERROR nodes, twice', function () {
      const text = generateSwift(10000);
      assert.equal(text.split('\n').length - 1, 10000);
      const parser = new Parser();
      try {
        parser.setLanguage(languages.get('swift')!);
        parseClean(parser, 'swift', text, '10k lines, parse 1');
        // With the original scanner a later parse of this file takes minutes and gives thousands of ERRORs.
        parseClean(parser, 'swift', text, '10k lines, parse 2');
      } finally {
        parser.delete();
      }
    });
  });
});
