/** Offsets ↔ 1-based line and column, computed once per file. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.starts.push(i + 1);
  }

  position(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.starts[low]! + 1 };
  }

  /** The text of lines first..last (1-based, inclusive), without line endings. */
  lines(first: number, last: number): string[] {
    const out: string[] = [];
    for (let line = first; line <= last && line <= this.starts.length; line++) {
      const start = this.starts[line - 1]!;
      const end = line < this.starts.length ? this.starts[line]! - 1 : this.text.length;
      out.push(this.text.slice(start, end).replace(/\r$/, ''));
    }
    return out;
  }
}
