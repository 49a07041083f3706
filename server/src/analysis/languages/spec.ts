/**
 * What the analysis needs to know about one language's syntax tree. Each language file fills this in
 * with its grammar's node types; the engine (references.ts, handlers.ts) is the same for all.
 */
import type { SyntaxNode } from '../parsing/syntax-tree';
import type { Platform } from '../../catalog/types';
import type { ChangedSpan } from '../parsing/edit';
import type { GrammarId } from '../parsing/parsers';
import type { SourceLanguage } from '../types';

/** A literal or name that may stand for a code, as the grammar sees it. */
export interface ValueNode {
  /** The whole expression: a number with its minus sign, a string literal with its quotes, a name. */
  readonly node: SyntaxNode;
  readonly kind: 'number' | 'string' | 'identifier';
  /** Digits (with sign) for numbers, the content for strings, the name for identifiers. */
  readonly value: string;
}

/** Where a value is used. Anything else (an argument, an array size, a plain assignment) is not a use. */
export type Usage =
  /** `subject == value`, `value.equals(subject)`, `[subject isEqualToString:value]` … */
  | { readonly kind: 'comparison'; readonly subject: SyntaxNode | null; readonly site: SyntaxNode }
  /** A `case` / `when` label of a dispatch on `subject`; `branch` is the arm holding the label. */
  | { readonly kind: 'case'; readonly subject: SyntaxNode | null; readonly dispatch: SyntaxNode; readonly branch: SyntaxNode }
  /** A key of a map / object literal. */
  | { readonly kind: 'map-key'; readonly map: SyntaxNode; readonly entry: SyntaxNode }
  /** The value of a named constant or enum member (`static final String NO_SIM = "-20202"`). */
  | { readonly kind: 'constant'; readonly name: string; readonly declaration: SyntaxNode };

export interface LanguageSpec {
  readonly id: SourceLanguage;
  /** The grammar for a file name (TypeScript uses tsx for .tsx and JavaScript files). */
  grammarFor(fileName: string): GrammarId;
  /** The platform a file in this language is for when nothing says otherwise. */
  readonly defaultPlatform: Platform | null;
  /** Line comment opener, for suppression comments and generated code. */
  readonly lineComment: string;
  /**
   * An equal-length rewrite of syntax the grammar cannot parse (ArkTS's struct and UI blocks,
   * Objective-C's NS_ENUM). Offsets and line breaks must stay where they are.
   */
  prepare?(text: string): PreparedText;
  /** From the smallest node at a candidate's offsets, the value expression it belongs to, if any. */
  valueAt(leaf: SyntaxNode): ValueNode | null;
  /** How the value expression is used. */
  usageOf(value: SyntaxNode): Usage | null;
  /** If-statements, for grouping comparisons into else-if chains. */
  readonly ifStatements: IfStatementSpec;
  /** The statements a case / when arm runs, following fall-through to the next non-empty arm. */
  caseBody(branch: SyntaxNode): SyntaxNode | null;
  /** The default / else arm of a switch or when. */
  defaultOf(dispatch: SyntaxNode): SyntaxNode | null;
}

/** A text and its rewrite for the parser, and how to rewrite its next version. */
export interface PreparedText {
  readonly text: string;
  /** The rewritten text [start, end). */
  read(start: number, end: number): string;
  /** What the parser reads: a piece of the rewritten text from `start`, at most to `end` (see ParserInput). */
  readPiece(start: number, end: number): string;
  /**
   * The text node offsets are read against: `text` itself when the rewrite only swaps keywords and
   * punctuation in place (ArkTS, whose rewritten text is then never built whole), the rewritten text
   * when it moves a name (Objective-C's `typedef NS_ENUM(NSInteger, Name)` → `enum Name`).
   */
  readonly nodeText: string;
  /** The rewrite of the next version, redoing only what `change` touched (when the language can). */
  readonly next?: (text: string, change: ChangedSpan) => PreparedText;
  /** When made by the previous version's `next`: where the rewritten text can differ from that version's. */
  readonly changed?: ChangedSpan;
}

/** The whole rewritten text. */
export function rewrittenText(prepared: PreparedText): string {
  return prepared.read(0, prepared.text.length);
}

export interface IfStatementSpec {
  /** The if statement whose condition holds `node`, or null when `node` is not in an if condition. */
  ifWithCondition(node: SyntaxNode): SyntaxNode | null;
  /** The if statement of which `ifNode` is the else-if, or null at the head of a chain. */
  previousInChain(ifNode: SyntaxNode): SyntaxNode | null;
  /** The else-if that continues the chain after `ifNode`, if any. */
  nextInChain(ifNode: SyntaxNode): SyntaxNode | null;
  /** The branch run when the condition holds. */
  consequence(ifNode: SyntaxNode): SyntaxNode | null;
  /** The final plain else block of a chain link, if it has one (not an else-if). */
  elseBlock(ifNode: SyntaxNode): SyntaxNode | null;
}
