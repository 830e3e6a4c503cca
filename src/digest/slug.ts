import type { TextLines } from './source';

/** GitHub's heading slug, as VS Code's Markdown preview and GitHub build heading anchors. */
export function slugify(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[\][!/'"#$%&()*+,.:;<=>?@\\^{|}~`。，、；：？！…—·˜’“”‘（）《》【】「」]/g, '')
    .replace(/\s/g, '-');
}

const HEADING = /^\s{0,3}#{1,6}\s/;
const headingText = (line: string) => line.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/\s+#+\s*$/, '');

/** The anchor of the heading on `line`, numbered like repeated headings above it ("-1", "-2"). */
export function headingSlug(text: TextLines, line: number): string {
  const slug = slugify(headingText(text.line(line)));
  let repeats = 0;
  for (let n = 0; n < line; n++) {
    const other = text.line(n);
    if (HEADING.test(other) && slugify(headingText(other)) === slug) repeats++;
  }
  return repeats ? `${slug}-${repeats}` : slug;
}
