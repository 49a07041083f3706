/**
 * Tree-sitter through web-tree-sitter: the runtime and each grammar's WASM load once per process
 * (grammars lazily, on first use), parses have a time budget, and trees can be reused incrementally.
 * A parse that runs over its budget (Kotlin's grammar can go quadratic on odd input) is cancelled and
 * reported as `null`, never left to hang the caller.
 */
import { Language, Parser, type Tree } from 'web-tree-sitter';
import { TreeSitterBinding } from './binding';
import { compiledGrammar, compiledRuntime, defaultGrammarDir, grammarFile } from './wasm-modules';

export const GRAMMAR_IDS = ['typescript', 'tsx', 'java', 'kotlin', 'objc', 'swift'] as const;
export type GrammarId = (typeof GRAMMAR_IDS)[number];

/** Default budget for one parse; a 10k-line file takes 60–150 ms warm. */
export const DEFAULT_PARSE_BUDGET_MS = 2000;

/**
 * Characters handed to tree-sitter per read. Given the whole string, web-tree-sitter copies up to 5k
 * characters into WASM at every read. A full parse reads the text from end to end; an incremental
 * parse reads at every place it resumes lexing after a reused node (over a thousand places after a
 * one-line edit in a 10k-line class), where it mostly needs a character or two.
 */
const INPUT_SLICE = { full: 1024, incremental: 32 } as const;

/**
 * A text, or a reader of a text that is not built whole (a language's rewrite): `read` gives exactly
 * [start, end); `readPiece` may stop short of `end` (tree-sitter asks again where a piece stops), but
 * is empty only at the end of the text. A full parse reads long runs, an incremental one pieces.
 */
export type ParserInput = string | { read(start: number, end: number): string; readPiece(start: number, end: number): string };

export interface ParseResult {
  readonly tree: Tree | null;
  /** Why there is no tree: the budget ran out. */
  readonly timedOut: boolean;
  readonly milliseconds: number;
}

export class Parsers {
  private readonly languages = new Map<GrammarId, Promise<Language>>();
  private readonly parsers = new Map<GrammarId, Parser>();

  private constructor(private readonly grammarDir: string) {}

  /** Initialises the tree-sitter runtime. Call once per process and share the result. */
  static async create(grammarDir = defaultGrammarDir()): Promise<Parsers> {
    await TreeSitterBinding.init(await compiledRuntime());
    return new Parsers(grammarDir);
  }

  /** Loads a grammar (once); later calls return the same promise. */
  language(id: GrammarId): Promise<Language> {
    let language = this.languages.get(id);
    if (!language) {
      language = compiledGrammar(grammarFile(this.grammarDir, id)).then((module) => Language.loadSync(module));
      this.languages.set(id, language);
    }
    return language;
  }

  /** Loads every grammar and compiles it with a first small parse, off the editing hot path. */
  async warmUp(ids: readonly GrammarId[] = GRAMMAR_IDS): Promise<void> {
    for (const id of ids) {
      const result = await this.parse(id, ' ');
      result.tree?.delete();
    }
  }

  /**
   * Parses `input`, reusing `oldTree` when given (it must have been edited to match). Returns a tree the
   * caller owns and must delete(), or null with timedOut when the budget ran out.
   */
  async parse(id: GrammarId, input: ParserInput, oldTree?: Tree | null, budgetMs = DEFAULT_PARSE_BUDGET_MS): Promise<ParseResult> {
    const parser = await this.parser(id);
    const started = performance.now();
    const deadline = started + budgetMs;
    const slice = oldTree ? INPUT_SLICE.incremental : INPUT_SLICE.full;
    const read =
      typeof input === 'string'
        ? (index: number) => input.slice(index, index + slice)
        : oldTree
          ? (index: number) => input.readPiece(index, index + slice)
          : (index: number) => input.read(index, index + slice);
    const tree = parser.parse(read, oldTree ?? null, {
      progressCallback: () => performance.now() > deadline,
    } as Parameters<Parser['parse']>[2]);
    const milliseconds = performance.now() - started;
    if (!tree) {
      parser.reset();
      return { tree: null, timedOut: true, milliseconds };
    }
    return { tree, timedOut: false, milliseconds };
  }

  private async parser(id: GrammarId): Promise<Parser> {
    let parser = this.parsers.get(id);
    if (!parser) {
      const language = await this.language(id);
      parser = this.parsers.get(id) ?? new Parser().setLanguage(language);
      this.parsers.set(id, parser);
    }
    return parser;
  }
}
