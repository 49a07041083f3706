/**
 * Offsets ↔ line/character positions. Characters are UTF-16 code units, as in JavaScript strings, LSP
 * (by default) and SARIF's utf16CodeUnits; a CJK character is one unit, an emoji two.
 */
export interface Position {
  /** 0-based line. */
  readonly line: number;
  /** 0-based UTF-16 code unit within the line. */
  readonly character: number;
}

/** Offset ↔ position conversion; LineIndex and the server's OpenDocument both provide it. */
export interface PositionMapper {
  positionAt(offset: number): Position;
  offsetAt(position: Position): number;
}

export class LineIndex implements PositionMapper {
  private readonly starts: number[] = [0];

  constructor(private readonly text: string) {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid]! <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low]! };
  }

  offsetAt(position: Position): number {
    const start = this.starts[Math.max(0, Math.min(position.line, this.starts.length - 1))]!;
    return Math.min(start + position.character, this.text.length);
  }

  get lineCount(): number {
    return this.starts.length;
  }
}
