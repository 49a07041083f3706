/**
 * ArkTS (HarmonyOS `.ets`) → something the TypeScript grammar parses, by an EQUAL-LENGTH rewrite:
 * every character keeps its offset and every line break stays where it is, so node ranges in the
 * rewritten text are ranges in the original. Only syntax that is not TypeScript is touched, so on
 * plain TypeScript the rewrite changes nothing. Rules (measured in shared/design/parsers.md):
 *
 * 1. `struct Name {` → `class  Name {` (`struct` and `class ` are both 6 characters).
 * 2. A decorator directly before a function (`@Styles function`, `@Extend(Text) function`,
 *    `@Builder function`) → an equal-length comment.
 * 3. A UI call with a trailing block in statement position, `Column(args) {`, → `Column(args);{`;
 *    with no blank to spare (`Row(){…}`), that `{` and its matching `}` become `;`.
 * 4. A `.` that cannot continue an expression (after a `;`, after a block's `{`, after the `}` of a
 *    UI block, as in `}\n.width('100%')` or `@Styles f() {\n.width(100)`) → a space. Inside an
 *    object literal, `{ .backgroundColor(Color.Red) }` (stateStyles) becomes `_ .backgroundColor(…) `.
 *
 * Positions are found on a masked copy (strings, template literals, regular expressions and comments
 * blanked out), so nothing inside a string or a comment is ever rewritten.
 */
import type { ChangedSpan } from '../parsing/edit';

/** What a `{` opened, as far as the rewrite needs to know. */
type BraceKind =
  /** Statements: a function body, an if/for/while body, a plain block. */
  | 'code'
  /** The statements of a UI component's trailing block (`Column() { … }`), rewritten. */
  | 'ui'
  /** A class / struct / interface / enum body: methods here are not UI calls. */
  | 'member'
  /** An object literal, a destructuring pattern, a type literal, import/export braces. */
  | 'object';

interface Brace {
  readonly kind: BraceKind;
  /** Token index of the `{`. */
  readonly token: number;
  /** What the matching `}` becomes, if anything. */
  closeAs?: string;
}

type TokenType = 'word' | 'number' | 'string' | 'punct';

const TOKEN_TYPES: readonly TokenType[] = ['word', 'number', 'string', 'punct'];

/**
 * The tokens of a masked range, kept in columns: a 10k-line page has some 60,000 tokens, and an object
 * and a string for each cost more than finding them. `type` and `text` of an index out of range are
 * undefined (the rules look one or two tokens around freely).
 */
class Tokens {
  length = 0;
  private types: Uint8Array;
  private starts: Int32Array;
  private ends: Int32Array;

  constructor(
    private readonly masked: string,
    /** Where the masked range starts in the whole text: starts and ends are offsets in the whole text. */
    private readonly offset: number,
  ) {
    const capacity = (masked.length >>> 2) + 16;
    this.types = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
  }

  push(type: TokenType, start: number, end: number): void {
    if (this.length === this.types.length) this.grow();
    this.types[this.length] = TOKEN_TYPES.indexOf(type);
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    this.length++;
  }

  type(k: number): TokenType | undefined {
    return k >= 0 && k < this.length ? TOKEN_TYPES[this.types[k]!] : undefined;
  }

  text(k: number): string | undefined {
    return k >= 0 && k < this.length ? this.masked.slice(this.starts[k]! - this.offset, this.ends[k]! - this.offset) : undefined;
  }

  /** Whether token `k` is `text`, without slicing it. */
  is(k: number, text: string): boolean {
    if (k < 0 || k >= this.length) return false;
    const start = this.starts[k]!;
    return this.ends[k]! - start === text.length && this.masked.startsWith(text, start - this.offset);
  }

  start(k: number): number {
    return this.starts[k]!;
  }

  end(k: number): number {
    return this.ends[k]!;
  }

  private grow(): void {
    const capacity = this.types.length * 2;
    const types = new Uint8Array(capacity);
    const starts = new Int32Array(capacity);
    const ends = new Int32Array(capacity);
    types.set(this.types);
    starts.set(this.starts);
    ends.set(this.ends);
    [this.types, this.starts, this.ends] = [types, starts, ends];
  }
}

/** Replaces a code unit, never a line break. */
class Edits {
  private readonly chars = new Map<number, string>();

  set(index: number, char: string): void {
    this.chars.set(index, char);
  }

  /** The edits inside text[from, to), line breaks left alone. */
  replacements(text: string, from: number, to: number): Replacements {
    const kept = [...this.chars.keys()].filter((i) => i >= from && i < to && text[i] !== '\n' && text[i] !== '\r').sort((a, b) => a - b);
    return new Replacements(Int32Array.from(kept), kept.map((i) => this.chars.get(i)!).join(''));
  }
}

/**
 * A rewrite as single-code-unit replacements of the text, in offset order. The parser reads the
 * rewritten text a piece at a time, so it is never built whole after an edit: on a 10k-line file,
 * building it and V8 flattening the result cost more than redoing the rewrite around the edit.
 */
export class Replacements {
  /** Where the latest search ended. */
  private hint = 0;

  constructor(
    private readonly offsets: Int32Array,
    /** `chars[k]` replaces the code unit at `offsets[k]`. */
    private readonly chars: string,
  ) {}

  /** text[start, end) with the replacements made. */
  apply(text: string, start: number, end: number): string {
    let k = this.firstFrom(start);
    if (k === this.offsets.length || this.offsets[k]! >= end) return start === 0 && end >= text.length ? text : text.slice(start, end);
    let out = '';
    let position = start;
    for (; k < this.offsets.length && this.offsets[k]! < end; k++) {
      const at = this.offsets[k]!;
      out += text.slice(position, at) + this.chars[k]!;
      position = at + 1;
    }
    return out + text.slice(position, end);
  }

  /**
   * A piece of the rewritten text from `start`, at most to `end`: up to the next replacement, or that
   * replacement alone. (The parser asks again where a piece ends; joining pieces would cost more.)
   */
  piece(text: string, start: number, end: number): string {
    const k = this.firstFrom(start);
    if (k === this.offsets.length) return text.slice(start, end);
    const at = this.offsets[k]!;
    return at === start ? this.chars[k]! : text.slice(start, Math.min(at, end));
  }

  /**
   * These replacements after an edit: those in [from, to) (old offsets) give way to `window`'s, and
   * those after move by `delta`.
   */
  splice(from: number, to: number, window: Replacements, delta: number): Replacements {
    const head = this.firstFrom(from);
    const tail = this.firstFrom(to);
    const offsets = new Int32Array(head + window.offsets.length + this.offsets.length - tail);
    offsets.set(this.offsets.subarray(0, head));
    offsets.set(window.offsets, head);
    for (let k = tail, j = head + window.offsets.length; k < this.offsets.length; k++, j++) offsets[j] = this.offsets[k]! + delta;
    return new Replacements(offsets, this.chars.slice(0, head) + window.chars + this.chars.slice(tail));
  }

  /** The index of the first replacement at or after `offset`. */
  private firstFrom(offset: number): number {
    const { offsets } = this;
    let low = 0;
    let high = offsets.length;
    // The parser reads forward, in small steps between replacements: the last answer is mostly right.
    const hint = this.hint;
    if (hint <= high && (hint === 0 || offsets[hint - 1]! < offset)) {
      if (hint === high || offsets[hint]! >= offset) return hint;
      low = hint + 1;
    }
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (offsets[middle]! < offset) low = middle + 1;
      else high = middle;
    }
    this.hint = low;
    return low;
  }
}

/** The equal-length ArkTS → TypeScript rewrite. Returns `text` itself when nothing needs rewriting. */
export function rewriteArkts(text: string): string {
  return rewriteArktsIncrementally(text, null, null).source;
}

/**
 * A place where the rewrite can start afresh: just after a `}` or `;` that ends a declaration or a
 * statement at the top level (depth 0) or among the members of a top-level class or struct (depth 1),
 * with no parenthesis open and no `.` next. The rewriter's whole state there is that depth, and
 * nothing before it is looked at again.
 */
interface SyncPoint {
  readonly offset: number;
  readonly depth: 0 | 1;
  /** Where the token after it ends (a rewrite may start here only if an edit leaves that token alone). */
  readonly next: number;
}

/**
 * Sync points in offset order, in columns: a 10k-line page has over a thousand, and every edit moves
 * those after it. Offsets and `next`s both grow along the list.
 */
export class SyncPoints {
  private constructor(
    private readonly offsets: Int32Array,
    private readonly depths: Uint8Array,
    /** Float64: the last point's next token may not exist (Infinity). */
    private readonly nexts: Float64Array,
  ) {}

  static of(points: readonly SyncPoint[]): SyncPoints {
    return new SyncPoints(Int32Array.from(points, (p) => p.offset), Uint8Array.from(points, (p) => p.depth), Float64Array.from(points, (p) => p.next));
  }

  get length(): number {
    return this.offsets.length;
  }

  at(i: number): SyncPoint | undefined {
    return i >= 0 && i < this.offsets.length ? { offset: this.offsets[i]!, depth: this.depths[i] as 0 | 1, next: this.nexts[i]! } : undefined;
  }

  /** How many points have their next token end at or before `offset`. */
  nextsUpTo(offset: number): number {
    return firstIndex(this.nexts, (next) => next > offset);
  }

  /** How many points lie at or before `offset`. */
  upTo(offset: number): number {
    return firstIndex(this.offsets, (at) => at > offset);
  }

  /**
   * The points after an edit: the first `head`, then `window`'s in [from, to), then those from `tail`
   * on, moved by `delta`.
   */
  spliced(head: number, window: SyncPoints, from: number, to: number, tail: number, delta: number): SyncPoints {
    const size = head + (to - from) + (this.offsets.length - tail);
    const offsets = new Int32Array(size);
    const depths = new Uint8Array(size);
    const nexts = new Float64Array(size);
    offsets.set(this.offsets.subarray(0, head));
    depths.set(this.depths.subarray(0, head));
    nexts.set(this.nexts.subarray(0, head));
    offsets.set(window.offsets.subarray(from, to), head);
    depths.set(window.depths.subarray(from, to), head);
    nexts.set(window.nexts.subarray(from, to), head);
    for (let k = tail, j = head + to - from; k < this.offsets.length; k++, j++) {
      offsets[j] = this.offsets[k]! + delta;
      depths[j] = this.depths[k]!;
      nexts[j] = this.nexts[k]! + delta;
    }
    return new SyncPoints(offsets, depths, nexts);
  }
}

/** The first index whose value passes `test` in a list where it fails, then passes (its length if none do). */
function firstIndex(values: Int32Array | Float64Array, test: (value: number) => boolean): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (test(values[middle]!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** One version's rewrite, with the sync points the next version's rewrite can restart from. */
export class ArktsRewrite {
  private whole: string | undefined;

  constructor(
    readonly text: string,
    readonly replacements: Replacements,
    readonly syncPoints: SyncPoints,
    /** Where the rewritten text can differ from the previous version's, when it was made from it. */
    readonly changed?: ChangedSpan,
  ) {}

  /** The rewritten text [start, end). */
  read(start: number, end: number): string {
    return this.replacements.apply(this.text, start, end);
  }

  /** A piece of the rewritten text from `start` (see Replacements.piece). */
  readPiece(start: number, end: number): string {
    return this.replacements.piece(this.text, start, end);
  }

  /** The whole rewritten text, built on first use. */
  get source(): string {
    return (this.whole ??= this.read(0, this.text.length));
  }
}

/**
 * The rewrite of `text`. Given the previous version's rewrite and what changed since, only the
 * declarations or members around the change are rewritten again, between the sync points before and
 * after it, and the rest is taken from the previous rewrite; when the new text does not reach the
 * same state at the far sync point (a brace or a comment left open), the whole text is rewritten.
 */
export function rewriteArktsIncrementally(text: string, previous: ArktsRewrite | null, change: ChangedSpan | null): ArktsRewrite {
  if (previous && change) {
    const points = previous.syncPoints;
    const delta = change.newEnd - change.oldEnd;
    // The last sync point whose next token the change left alone, and the first after the change
    // whose `}` or `;` it left alone.
    const startIndex = points.nextsUpTo(change.start) - 1;
    const endIndex = Math.max(startIndex + 1, points.upTo(change.oldEnd));
    const start: SyncPoint = points.at(startIndex) ?? { offset: 0, depth: 0, next: 0 };
    const end = points.at(endIndex);
    const to = end ? end.offset + delta : text.length;
    const window = rewriteRange(text, start.offset, to, start.depth);
    if (!end || window.endDepth === end.depth) {
      const inside = window.syncPoints;
      const syncPoints = points.spliced(startIndex + 1, inside, inside.upTo(start.offset), inside.upTo(to - 1), endIndex, delta);
      const oldEnd = end ? end.offset : previous.text.length;
      const replacements = previous.replacements.splice(start.offset, oldEnd, window.replacements, delta);
      return new ArktsRewrite(text, replacements, syncPoints, { start: start.offset, oldEnd, newEnd: to });
    }
  }
  const whole = rewriteRange(text, 0, text.length, 0);
  return new ArktsRewrite(text, whole.replacements, whole.syncPoints);
}

/**
 * Rewrites text[from, to), starting at a sync point of `depth`. `endDepth` is the depth of the sync
 * point at `to`, or null when `to` is not one (the masking ran past it, or the last token does not end
 * a declaration there).
 */
function rewriteRange(text: string, from: number, to: number, depth: 0 | 1): { replacements: Replacements; syncPoints: SyncPoints; endDepth: number | null } {
  const { masked, clean } = maskRange(text, from, to);
  const tokens = tokenize(masked, from);
  const edits = new Edits();
  const syncPoints = new Rewriter(text, masked, from, tokens, edits, depth).run();
  const last = syncPoints.at(-1);
  const endDepth = clean && last?.offset === to ? last.depth : null;
  return { replacements: edits.replacements(text, from, to), syncPoints: SyncPoints.of(syncPoints), endDepth };
}

// ---------------------------------------------------------------------------------------------
// Masking: strings, templates, regular expressions and comments, same length, line breaks kept.

const REGEX_AFTER_WORD = new Set([
  'return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'instanceof', 'yield', 'await',
]);
const REGEX_AFTER_PUNCT = new Set('(,=:[!&|?{};+-*%<>~^'.split(''));

/**
 * A copy of `text` where the content of every string, template literal and regular expression is `x`
 * (delimiters kept) and every comment is blanks; line breaks stay. Offsets are unchanged.
 */
export function maskArkts(text: string): string {
  return maskRange(text, 0, text.length).masked;
}

/**
 * The mask of text[rangeStart, rangeEnd), scanning from a place outside any string or comment;
 * `clean` when nothing masked runs on past `rangeEnd`.
 */
function maskRange(text: string, rangeStart: number, rangeEnd: number): { masked: string; clean: boolean } {
  // Ranges to blank, found in order and never overlapping; the output is built from slices at the end.
  const ranges: [from: number, to: number, fill: string][] = [];
  const blank = (from: number, to: number, fill: string): void => {
    if (to > from) ranges.push([from, to, fill]);
  };
  let lastSignificant = rangeStart - 1;
  while (lastSignificant >= 0 && isBlank(text.charCodeAt(lastSignificant))) lastSignificant--;
  let i = rangeStart;
  while (i < rangeEnd) {
    const c = text[i]!;
    if (c === '/' && text[i + 1] === '/') {
      const stop = lineEnd(text, i);
      blank(i, stop, ' ');
      i = stop;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const stop = close < 0 ? text.length : close + 2;
      blank(i, stop, ' ');
      i = stop;
      continue;
    }
    if (c === '"' || c === "'") {
      const stop = skipString(text, i);
      blank(i + 1, text[stop - 1] === c && stop - 1 > i ? stop - 1 : stop, 'x');
      lastSignificant = stop - 1;
      i = stop;
      continue;
    }
    if (c === '`') {
      const stop = skipTemplate(text, i);
      blank(i + 1, text[stop - 1] === '`' && stop - 1 > i ? stop - 1 : stop, 'x');
      lastSignificant = stop - 1;
      i = stop;
      continue;
    }
    if (c === '/' && regexMayStart(text, lastSignificant)) {
      const stop = skipRegex(text, i);
      if (stop > 0) {
        blank(i + 1, stop, 'x');
        lastSignificant = stop;
        i = stop + 1;
        continue;
      }
    }
    if (!isBlank(text.charCodeAt(i))) lastSignificant = i;
    i++;
  }
  const clean = i <= rangeEnd;
  let out = '';
  let position = rangeStart;
  for (const [from, to, fill] of ranges) {
    const end = Math.min(to, rangeEnd);
    const part = text.slice(from, end);
    // Every UTF-16 unit (each half of an emoji) is replaced, so the length stays; line breaks stay.
    out += text.slice(position, from) + (/[\n\r]/u.test(part) ? part.replace(/[^\n\r]/g, fill) : fill.repeat(end - from));
    position = end;
  }
  return { masked: out + text.slice(position, rangeEnd), clean };
}

/** White space: the ASCII blanks without a regular expression, anything else (U+3000, BOM) with one. */
function isBlank(code: number): boolean {
  if (code === 32 || code === 10 || code === 13 || code === 9 || code === 11 || code === 12) return true;
  return code > 127 && /\s/u.test(String.fromCharCode(code));
}

function lineEnd(text: string, from: number): number {
  for (let i = from; i < text.length; i++) if (text[i] === '\n' || text[i] === '\r') return i;
  return text.length;
}

/** The end (exclusive) of the string literal starting at `start`; an unterminated one ends at its line. */
function skipString(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === quote) return i + 1;
    if (c === '\n' || c === '\r') return i;
  }
  return text.length;
}

/** The end (exclusive) of the template literal starting at `start`, across `${ … }` substitutions. */
function skipTemplate(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '`') return i + 1;
    if (c === '$' && text[i + 1] === '{') i = skipSubstitution(text, i + 2) - 1;
  }
  return text.length;
}

/** From just inside `${`, the index after its matching `}`. */
function skipSubstitution(text: string, from: number): number {
  let depth = 1;
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' || c === "'") {
      i = skipString(text, i);
      continue;
    }
    if (c === '`') {
      i = skipTemplate(text, i);
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      i = lineEnd(text, i);
      continue;
    }
    if (c === '{') depth++;
    if (c === '}' && --depth === 0) return i + 1;
    i++;
  }
  return text.length;
}

/** Whether a `/` after the character at `last` starts a regular expression rather than a division. */
function regexMayStart(text: string, last: number): boolean {
  if (last < 0) return true;
  const c = text[last]!;
  if (REGEX_AFTER_PUNCT.has(c)) {
    // `a++ / b` and `a-- / b` divide.
    return !((c === '+' || c === '-') && text[last - 1] === c);
  }
  if (/[\w$]/u.test(c)) {
    let start = last;
    while (start > 0 && /[\w$]/u.test(text[start - 1]!)) start--;
    return REGEX_AFTER_WORD.has(text.slice(start, last + 1));
  }
  return false;
}

/** The index of the closing `/` of a regular expression at `start`, or -1 if it is not one. */
function skipRegex(text: string, start: number): number {
  let inClass = false;
  for (let i = start + 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || c === '\r') return -1;
    if (c === '\\') {
      i++;
      continue;
    }
    if (c === '[') inClass = true;
    else if (c === ']') inClass = false;
    else if (c === '/' && !inClass) {
      return i === start + 1 ? -1 : i;
    }
  }
  return -1;
}

// ---------------------------------------------------------------------------------------------
// Tokens of the masked text.

const WORD = /[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/uy;
const NUMBER = /(?:\d|\.\d)[\w.]*/uy;
const STRING = /'[^'\n\r]*'?|"[^"\n\r]*"?|`[^`]*`?/uy;
const PUNCT = /=>|\.\.\.|\?\.(?!\d)|&&|\|\||\?\?|[^\s]/uy;

/** The token type a character can start, from its code, so each token costs one sticky match. */
function tokenTypeAt(masked: string, i: number): TokenType {
  const c = masked.charCodeAt(i);
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 || c === 95) return 'word';
  if (c >= 48 && c <= 57) return 'number';
  if (c === 46) return isDigitCode(masked.charCodeAt(i + 1)) ? 'number' : 'punct';
  if (c === 34 || c === 39 || c === 96) return 'string';
  if (c < 128) return 'punct';
  WORD.lastIndex = i;
  return WORD.test(masked) ? 'word' : 'punct';
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

const TOKEN_PATTERN: Readonly<Record<TokenType, RegExp>> = { word: WORD, number: NUMBER, string: STRING, punct: PUNCT };

function tokenEnd(masked: string, i: number, type: TokenType): number {
  const pattern = TOKEN_PATTERN[type];
  pattern.lastIndex = i;
  return pattern.test(masked) ? pattern.lastIndex : i + 1;
}

/**
 * Where a word of ASCII letters, digits, `_` and `$` starting at `i` ends; undefined when a non-ASCII
 * character follows (the word pattern then decides). Most words are ASCII, and a loop is cheaper than
 * the Unicode-aware pattern.
 */
function asciiWordEnd(masked: string, i: number): number | undefined {
  let end = i + 1;
  for (; end < masked.length; end++) {
    const c = masked.charCodeAt(end);
    if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36) continue;
    return c > 127 ? undefined : end;
  }
  return end;
}

/** The tokens of a masked range, with offsets in the whole text (the range starts at `offset`). */
function tokenize(masked: string, offset = 0): Tokens {
  const tokens = new Tokens(masked, offset);
  let i = 0;
  const n = masked.length;
  while (i < n) {
    // Whitespace (ASCII fast path, then Unicode blanks such as U+3000 and the BOM).
    if (isBlank(masked.charCodeAt(i))) {
      i++;
      continue;
    }
    const type = tokenTypeAt(masked, i);
    const end = type === 'word' ? asciiWordEnd(masked, i) ?? tokenEnd(masked, i, type) : tokenEnd(masked, i, type);
    tokens.push(type, offset + i, offset + end);
    i = end;
  }
  return tokens;
}

// ---------------------------------------------------------------------------------------------
// The rules.

/** Tokens after which a `{` opens an object literal, a pattern or a type, not statements. */
const OBJECT_AFTER = new Set([
  '=', '(', ',', '[', '?', '||', '&&', '??', '...', '!', '+', '-', '*', '/', '%', '<', '|', '&', '~', '^',
  'return', 'yield', 'await', 'typeof', 'export', 'import', 'const', 'let', 'var', 'in', 'of', 'new', 'throw', 'type', 'case',
  'default', 'as', 'satisfies', 'extends', 'keyof', 'is',
]);
const BLOCK_AFTER_WORD = new Set(['else', 'try', 'finally', 'do']);
const TYPE_BODY_KEYWORDS = new Set(['class', 'struct', 'interface', 'enum']);
/** A callee preceded by one of these is a declaration or a member access, not a UI call. */
const NOT_UI_AFTER = new Set(['.', '?.', 'function', '*', 'new', 'class', 'get', 'set', 'static', 'async']);
/** What may stand between a decorator and `function`. */
const FUNCTION_MODIFIERS = new Set(['export', 'default', 'async', 'declare']);

class Rewriter {
  private readonly braces: Brace[] = [];
  /** Token index of a `)` → token index of its `(`. */
  private readonly parenOpen = new Map<number, number>();
  private readonly parens: number[] = [];
  /** Token index of a `}` → the brace it closed. */
  private readonly closed = new Map<number, Brace>();

  constructor(
    private readonly text: string,
    /** The masked text of the range being rewritten, which starts at `offset`. */
    private readonly masked: string,
    private readonly offset: number,
    private readonly tokens: Tokens,
    private readonly edits: Edits,
    depth: 0 | 1,
  ) {
    // A sync point of depth 1 lies among the members of a class or struct whose `{` came before.
    if (depth === 1) this.braces.push({ kind: 'member', token: -1 });
  }

  /** Makes the edits; returns the sync points passed (see SyncPoint). */
  run(): SyncPoint[] {
    const { tokens } = this;
    const syncPoints: SyncPoint[] = [];
    for (let k = 0; k < tokens.length; k++) {
      const type = tokens.type(k);
      if (type === 'word') {
        if (tokens.is(k, 'struct')) this.struct(k);
        continue;
      }
      if (type !== 'punct') continue;
      this.handle(k);
      if ((tokens.is(k, '}') || tokens.is(k, ';')) && this.endsDeclaration(k)) {
        syncPoints.push({ offset: tokens.end(k), depth: this.braces.length as 0 | 1, next: k + 1 < tokens.length ? tokens.end(k + 1) : Infinity });
      }
    }
    return syncPoints;
  }

  /** Whether after the `}` or `;` at `k` (once handled) the rewrite could start afresh. */
  private endsDeclaration(k: number): boolean {
    const depth = this.braces.length;
    if (depth > 1 || (depth === 1 && this.braces[0]!.kind !== 'member') || this.parens.length > 0) return false;
    if (this.tokens.text(k + 1) === '.') return false;
    const closed = this.closed.get(k);
    return this.tokens.is(k, ';') || closed?.kind === 'code' || closed?.kind === 'member';
  }

  /** One token's rules. */
  private handle(k: number): void {
    switch (this.tokens.text(k)) {
      case '@':
        this.decorator(k);
        break;
      case '(':
        this.parens.push(k);
        break;
      case ')': {
        const open = this.parens.pop();
        if (open !== undefined) this.parenOpen.set(k, open);
        break;
      }
      case '{':
        this.open(k);
        break;
      case '}': {
        const brace = this.braces.pop();
        if (!brace) break;
        this.closed.set(k, brace);
        if (brace.closeAs !== undefined) this.edits.set(this.tokens.start(k), brace.closeAs);
        break;
      }
      case '.':
        this.dot(k);
        break;
      default:
        break;
    }
  }

  /** Rule 1: `struct Name {` / `struct Name extends …` → `class  Name …`. */
  private struct(k: number): void {
    const { tokens } = this;
    const previous = tokens.text(k - 1);
    if (previous === '.' || previous === '?.') return;
    if (tokens.type(k + 1) !== 'word') return;
    const after = tokens.text(k + 2);
    if (after !== '{' && after !== 'extends' && after !== 'implements') return;
    const start = tokens.start(k);
    'class '.split('').forEach((char, offset) => this.edits.set(start + offset, char));
  }

  /** Rule 2: a decorator (or a run of them) directly before `function` becomes a comment. */
  private decorator(k: number): void {
    const end = this.decoratorEnd(k);
    if (end < 0) return;
    let next = end + 1;
    while (this.tokens.is(next, '@')) {
      const followingEnd = this.decoratorEnd(next);
      if (followingEnd < 0) return;
      next = followingEnd + 1;
    }
    while (FUNCTION_MODIFIERS.has(this.tokens.text(next) ?? '')) next++;
    if (!this.tokens.is(next, 'function')) return;
    const from = this.tokens.start(k);
    const to = this.tokens.end(end);
    if (to - from >= 4 && !/[\n\r]/u.test(this.masked.slice(from - this.offset, to - this.offset))) {
      this.edits.set(from, '/');
      this.edits.set(to - 1, '/');
      for (let i = from + 1; i < to - 1; i++) this.edits.set(i, '*');
    } else {
      for (let i = from; i < to; i++) this.edits.set(i, ' ');
    }
  }

  /** The last token of the decorator `@Name`, `@a.b` or `@Name(args)` starting at `k`, or -1. */
  private decoratorEnd(k: number): number {
    const { tokens } = this;
    let i = k + 1;
    if (tokens.type(i) !== 'word') return -1;
    while (tokens.is(i + 1, '.') && tokens.type(i + 2) === 'word') i += 2;
    if (!tokens.is(i + 1, '(')) return i;
    let depth = 0;
    for (let j = i + 1; j < tokens.length; j++) {
      const text = tokens.text(j);
      if (text === '(') depth++;
      else if (text === ')' && --depth === 0) return j;
    }
    return -1;
  }

  private get context(): BraceKind {
    return this.braces.at(-1)?.kind ?? 'code';
  }

  /** Classifies a `{`, and applies rule 3 when it is a UI call's trailing block. */
  private open(k: number): void {
    const { tokens } = this;
    const previous = tokens.text(k - 1);
    let kind: BraceKind;
    if (previous === undefined || previous === '{' || previous === '}' || previous === ';' || previous === '=>') {
      kind = 'code';
    } else if (previous === ')') {
      kind = this.isUiCall(k - 1) ? 'ui' : 'code';
      if (kind === 'ui') {
        // A blank of the original text (never a character of a comment in between) takes the `;`.
        const blank = this.text.slice(tokens.end(k - 1), tokens.start(k)).search(/[ \t]/u);
        if (blank >= 0) {
          this.edits.set(tokens.end(k - 1) + blank, ';');
        } else {
          this.edits.set(tokens.start(k), ';');
          this.braces.push({ kind, token: k, closeAs: ';' });
          return;
        }
      }
    } else if (tokens.type(k - 1) === 'word' && BLOCK_AFTER_WORD.has(previous)) {
      kind = 'code';
    } else if (previous === ':') {
      kind = this.isCaseLabel(k - 1) ? 'code' : 'object';
    } else if (OBJECT_AFTER.has(previous)) {
      kind = 'object';
    } else {
      kind = this.headerKind(k);
    }
    this.braces.push({ kind, token: k });
  }

  /** Whether the `)` at `k` ends `Upper(args)` in statement position. */
  private isUiCall(k: number): boolean {
    const context = this.context;
    if (context !== 'code' && context !== 'ui') return false;
    const open = this.parenOpen.get(k);
    if (open === undefined) return false;
    if (this.tokens.type(open - 1) !== 'word' || !/^[A-Z]/u.test(this.tokens.text(open - 1)!)) return false;
    const before = this.tokens.text(open - 2);
    return before === undefined || !NOT_UI_AFTER.has(before);
  }

  /** Whether the `:` at `k` ends a `case …:` or `default:` label. */
  private isCaseLabel(k: number): boolean {
    const { tokens } = this;
    if (tokens.is(k - 1, 'default')) return true;
    for (let i = k - 1; i >= 0; i--) {
      const text = tokens.text(i);
      if (text === 'case') return true;
      if (text === ';' || text === '{' || text === '}' || text === ':') return false;
    }
    return false;
  }

  /**
   * For a `{` after a name, `>` or `]`: the body of a class / struct / interface / enum, or a function
   * body after a return type (`): Promise<void> {`). Walks back over the header, jumping over balanced
   * parentheses and object / type braces.
   */
  private headerKind(k: number): BraceKind {
    const { tokens } = this;
    for (let i = k - 1; i >= 0; i--) {
      const type = tokens.type(i);
      const text = tokens.text(i)!;
      if (type === 'word') {
        if (TYPE_BODY_KEYWORDS.has(text) && !tokens.is(i - 1, '.')) return 'member';
        if (text === 'function') return 'code';
        continue;
      }
      if (type !== 'punct') continue;
      if (text === ')') {
        const open = this.parenOpen.get(i);
        if (open === undefined) return 'code';
        i = open;
        continue;
      }
      if (text === '}') {
        const brace = this.closed.get(i);
        if (!brace || brace.kind !== 'object') return 'code';
        i = brace.token;
        continue;
      }
      if (text === ';' || text === '{' || text === '=>' || text === '(' || text === '[') return 'code';
    }
    return 'code';
  }

  /** Rule 4: a `.` that cannot continue an expression. */
  private dot(k: number): void {
    const { tokens } = this;
    const previous = tokens.text(k - 1);
    if (previous === ';') {
      this.edits.set(tokens.start(k), ' ');
    } else if (previous === '{') {
      const brace = this.braces.at(-1);
      if (!brace || brace.token !== k - 1) return;
      if (brace.kind === 'object') {
        // `pressed: { .backgroundColor(Color.Red) }` → `pressed: _ .backgroundColor(Color.Red)  `.
        this.edits.set(tokens.start(k - 1), '_');
        brace.closeAs = ' ';
      } else {
        this.edits.set(tokens.start(k), ' ');
      }
    } else if (previous === '}') {
      if (this.closed.get(k - 1)?.kind === 'ui') this.edits.set(tokens.start(k), ' ');
    }
  }
}
