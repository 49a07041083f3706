/**
 * Tokenises text with VS Code's own TextMate engine (vscode-textmate + vscode-oniguruma as shipped
 * inside the VS Code under test) and its built-in TypeScript grammar, plus our ArkTS grammar: the same
 * pieces the editor uses to colour an .ets file.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';

export interface Token {
  readonly text: string;
  readonly scopes: readonly string[];
}

interface TextMateModule {
  Registry: new (options: unknown) => { loadGrammar(scope: string): Promise<Grammar | null> };
  parseRawGrammar(content: string, filePath: string): unknown;
  INITIAL: unknown;
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: { startIndex: number; endIndex: number; scopes: string[] }[]; ruleStack: unknown };
}
interface OnigModule {
  loadWASM(data: ArrayBuffer): Promise<void>;
  createOnigScanner(patterns: string[]): unknown;
  createOnigString(text: string): unknown;
}

/** The WASM regex engine loads once per process. */
const onigLoaded = new Map<string, Promise<void>>();

function loadOnig(vscodeRoot: string, onig: OnigModule): Promise<void> {
  let loaded = onigLoaded.get(vscodeRoot);
  if (!loaded) {
    const wasm = readFileSync(path.join(vscodeRoot, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
    loaded = onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    onigLoaded.set(vscodeRoot, loaded);
  }
  return loaded;
}

/**
 * `vscodeRoot` is VS Code's app root (code-server's lib/vscode), `grammars` maps scope names to files.
 * Returns one token list per line.
 */
export async function tokenize(vscodeRoot: string, grammars: Readonly<Record<string, string>>, scope: string, text: string): Promise<Token[][]> {
  const load = (name: string): unknown => require(path.join(vscodeRoot, 'node_modules', name));
  const textmate = load('vscode-textmate') as TextMateModule;
  const onig = load('vscode-oniguruma') as OnigModule;
  await loadOnig(vscodeRoot, onig);
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => onig.createOnigScanner(patterns),
      createOnigString: (s: string) => onig.createOnigString(s),
    }),
    loadGrammar: async (name: string) => {
      const file = grammars[name];
      return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
    },
  });
  const grammar = await registry.loadGrammar(scope);
  if (!grammar) throw new Error(`grammar ${scope} did not load`);
  let state = textmate.INITIAL;
  return text.split(/\r?\n/u).map((line) => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return result.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes }));
  });
}
