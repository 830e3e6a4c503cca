import type * as vscode from 'vscode';

/** GitHub's heading slug, as VS Code's Markdown preview and GitHub build heading anchors. */
function slugify(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[\][!/'"#$%&()*+,.:;<=>?@\\^{|}~`。，、；：？！…—·˜’“”‘（）《》【】「」]/g, '')
    .replace(/\s/g, '-');
}

/** The anchor of the heading on `line`, numbered like repeated headings above it ("-1", "-2"). */
export function headingSlug(document: vscode.TextDocument, line: number): string {
  const text = (n: number) =>
    document
      .lineAt(n)
      .text.replace(/^\s{0,3}#{1,6}\s+/, '')
      .replace(/\s+#+\s*$/, '');
  const slug = slugify(text(line));
  let repeats = 0;
  for (let n = 0; n < line; n++)
    if (/^\s{0,3}#{1,6}\s/.test(document.lineAt(n).text) && slugify(text(n)) === slug) repeats++;
  return repeats ? `${slug}-${repeats}` : slug;
}
