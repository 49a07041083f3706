/**
 * The server's OpenDocument against vscode-languageserver-textdocument's TextDocument, the reference:
 * the same text, positions, offsets and line count after random incremental changes on texts with
 * `\n`, `\r\n`, lone `\r`, CJK text and emoji, including changes that join or split a `\r\n`.
 */
import assert from 'node:assert/strict';
import type { Position, TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { OpenDocument } from '../../server/src/util/open-document';
import { random } from '../support/typing';

const PIECES = ['a', 'if (code === "-40101") {', ' ', '\n', '\r\n', '\r', '中文', '📱', '\r\r\n', '\n\r', ''];

function randomText(pick: () => number, pieces: number): string {
  let text = '';
  for (let i = 0; i < pieces; i++) text += PIECES[Math.floor(pick() * PIECES.length)];
  return text;
}

/** A position anywhere, now and then past a line's end, past the last line or reversed. */
function randomPosition(document: TextDocument, pick: () => number): Position {
  const line = Math.floor(pick() * (document.lineCount + 1));
  return { line, character: Math.floor(pick() * 12) };
}

function assertSame(ours: OpenDocument, reference: TextDocument, what: string): void {
  const text = reference.getText();
  assert.equal(ours.getText(), text, what);
  assert.equal(ours.lineCount, reference.lineCount, `${what}: line count`);
  assert.equal(ours.version, reference.version, `${what}: version`);
  for (let offset = -1; offset <= text.length + 1; offset++) {
    assert.deepEqual(ours.positionAt(offset), reference.positionAt(offset), `${what}: positionAt(${offset})`);
  }
  for (let line = -1; line <= reference.lineCount; line++) {
    for (let character = 0; character <= 6; character++) {
      assert.equal(ours.offsetAt({ line, character }), reference.offsetAt({ line, character }), `${what}: offsetAt(${line}:${character})`);
    }
  }
}

describe('open documents', () => {
  it('agree with the LSP reference implementation after random incremental and full changes', () => {
    const pick = random(5);
    for (let round = 0; round < 60; round++) {
      const initial = randomText(pick, 30);
      const ours = OpenDocument.create('file:///a.ts', 'typescript', 1, initial);
      const reference = TextDocument.create('file:///a.ts', 'typescript', 1, initial);
      // Half the rounds look at positions first, so the changes update a line table that exists.
      if (round % 2 === 0) assertSame(ours, reference, `round ${round}, opened`);
      for (let step = 0; step < 25; step++) {
        const change: TextDocumentContentChangeEvent =
          pick() < 0.05
            ? { text: randomText(pick, 10) }
            : { range: { start: randomPosition(reference, pick), end: randomPosition(reference, pick) }, text: randomText(pick, Math.floor(pick() * 4)) };
        const version = step + 2;
        OpenDocument.update(ours, [change], version);
        TextDocument.update(reference, [change], version);
        assertSame(ours, reference, `round ${round}, step ${step}: ${JSON.stringify(change)}`);
      }
    }
  });

  it('finds line starts in a 10k-line CRLF file and takes several changes at once', () => {
    const text = 'const a = 1;\r\n'.repeat(10_000);
    const ours = OpenDocument.create('file:///b.ts', 'typescript', 1, text);
    const reference = TextDocument.create('file:///b.ts', 'typescript', 1, text);
    assert.deepEqual(ours.positionAt(text.length - 3), reference.positionAt(text.length - 3));
    const changes: TextDocumentContentChangeEvent[] = [
      { range: { start: { line: 5, character: 0 }, end: { line: 7, character: 2 } }, text: 'x\r\ny' },
      { range: { start: { line: 9_000, character: 12 }, end: { line: 9_000, character: 12 } }, text: ' // 中文 📱' },
    ];
    OpenDocument.update(ours, changes, 2);
    TextDocument.update(reference, changes, 2);
    assert.equal(ours.getText(), reference.getText());
    assert.equal(ours.lineCount, reference.lineCount);
    for (const offset of [0, 70, 71, 72, 100_000, ours.getText().length]) assert.deepEqual(ours.positionAt(offset), reference.positionAt(offset));
    assert.equal(ours.getText({ start: { line: 9_000, character: 0 }, end: { line: 9_001, character: 0 } }), reference.getText({ start: { line: 9_000, character: 0 }, end: { line: 9_001, character: 0 } }));
  });

  it('takes a paste of 300,000 lines into a line table that exists', () => {
    const ours = OpenDocument.create('file:///c.ts', 'typescript', 1, 'a\nb\nc\n');
    const reference = TextDocument.create('file:///c.ts', 'typescript', 1, 'a\nb\nc\n');
    assert.deepEqual(ours.positionAt(4), reference.positionAt(4));
    const change: TextDocumentContentChangeEvent = { range: { start: { line: 1, character: 0 }, end: { line: 2, character: 0 } }, text: 'x = 1;\n'.repeat(300_000) };
    OpenDocument.update(ours, [change], 2);
    TextDocument.update(reference, [change], 2);
    assert.equal(ours.lineCount, reference.lineCount);
    for (const offset of [0, 2, 2_000_000, ours.getText().length]) assert.deepEqual(ours.positionAt(offset), reference.positionAt(offset));
  });
});
