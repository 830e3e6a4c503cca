/** Read access to a document's lines (without their line breaks), 0-based. */
export interface TextLines {
  readonly count: number;
  line(index: number): string;
}

/** Lines [from, to) of a document, 0-based and end-exclusive like markdown-it's `token.map`. */
export function linesOf(text: TextLines, from: number, to: number): string[] {
  const result: string[] = [];
  for (let i = from; i < Math.min(to, text.count); i++) result.push(text.line(i));
  return result;
}

/** A document's text with its line starts, so that any line is read without splitting the whole text. */
export class SourceLines implements TextLines {
  private readonly starts: number[] = [0];

  constructor(readonly text: string) {
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) this.starts.push(i + 1);
  }

  get count(): number {
    return this.starts.length;
  }

  line(index: number): string {
    return this.text.slice(this.starts[index], this.endOf(index));
  }

  /** Where a line starts in the text. */
  startOf(index: number): number {
    return this.starts[index];
  }

  /** Where a line ends in the text, before its line break. */
  endOf(index: number): number {
    return index + 1 < this.starts.length ? this.starts[index + 1] - 1 : this.text.length;
  }
}

/** A report's text as the parser reads it: no byte-order mark, and \r\n and \r as \n (VS Code and markdown-it count each as one line break). */
export function normaliseText(input: string): string {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}
