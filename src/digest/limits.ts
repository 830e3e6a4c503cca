/** Reports over this size are not read unless the user raises the limit (setting digestLens.maxFileSizeMB, CLI --max-size-mb). */
export const DEFAULT_MAX_SIZE_MB = 20;

/**
 * The text's size in UTF-8, counted without encoding it: Buffer is Node's alone (not in VS Code
 * for the Web), and TextEncoder would copy a document that may be far over the limit.
 */
export function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // Two bytes below U+0800, three above, and four for a surrogate pair (two units).
    if (unit >= 0x80) bytes += unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff) ? 1 : 2;
  }
  return bytes;
}
