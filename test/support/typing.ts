/**
 * Edits for tests of incremental work: a deterministic series of the changes typing makes, including
 * the awkward ones (an opened comment or string, a code typed digit by digit, a deleted line, an
 * unbalanced brace, ArkTS UI blocks).
 */

/** A small deterministic generator (mulberry32), so failures reproduce. */
export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Edit = (text: string, pick: () => number) => string;

/** `steps` edits picked from EDITS, each on top of the last: the text before and after each one. */
export function* typing(text: string, pick: () => number, steps: number): Generator<{ step: number; before: string; after: string }> {
  let before = text;
  for (let step = 0; step < steps; step++) {
    const after = EDITS[Math.floor(pick() * EDITS.length)]!(before, pick);
    yield { step, before, after };
    before = after;
  }
}

/** Inserts `inserted` at a random place. */
const insert = (inserted: string): Edit => (text, pick) => {
  const at = Math.floor(pick() * text.length);
  return text.slice(0, at) + inserted + text.slice(at);
};

export const EDITS: readonly Edit[] = [
  insert(' '),
  insert('\n'),
  insert('/*'),
  // … and closes it again somewhere later.
  (text, pick) => {
    const open = text.indexOf('/*');
    if (open < 0) return insert('*/')(text, pick);
    return `${text.slice(0, open)}${text.slice(open + 2)}`;
  },
  // A code typed into an existing comparison, digit by digit.
  (text) => text.replace("'-20301'", "'-2030'"),
  (text) => text.replace("'-2030'", "'-20301'"),
  (text) => text.replace('"-20202"', '"-2020"'),
  (text) => text.replace('"-2020"', '"-20202"'),
  // A line removed.
  (text, pick) => {
    const lines = text.split('\n');
    lines.splice(Math.floor(pick() * lines.length), 1);
    return lines.join('\n');
  },
  // A blank typed at the very start of a line (chunks start and end at line edges).
  (text, pick) => {
    const lines = text.split('\n');
    const line = Math.floor(pick() * lines.length);
    lines[line] = ` ${lines[line]}`;
    return lines.join('\n');
  },
  insert('-40101'),
  // Typed at the end of a line: after a declaration's last `}` or `;`, on a chunk's edge.
  ...[' ', 'x', ';', '}', ' // ok'].map((typed): Edit => (text, pick) => {
    const lines = text.split('\n');
    const line = Math.floor(pick() * lines.length);
    lines[line] = `${lines[line]}${typed}`;
    return lines.join('\n');
  }),
  // Syntax that opens or closes something, and ArkTS's own.
  insert('{'),
  insert('}'),
  insert("'"),
  insert('`'),
  insert(')'),
  insert(';\n  .width(100)'),
  insert('\n  Column() {\n    Text("a")\n  }\n'),
  insert('\n@Builder function b() {}\n'),
  insert('\nstruct Extra {\n}\n'),
];

