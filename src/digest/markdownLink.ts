/**
 * A Markdown link to a heading of a file, safe to paste anywhere in the workspace: the
 * path is root-relative (`/reports/a.md`, which VS Code's Markdown and GitHub resolve from
 * the workspace root, so it works from a file in any subfolder), and what could end the
 * link early is escaped: brackets, backslash, backtick and `<` in the text, spaces, parentheses and other
 * reserved characters in the destination.
 */
export function markdownLink(text: string, pathSegments: readonly string[], fragment: string): string {
  const label = text.replace(/[[\]\\`<]/g, '\\$&');
  const destination = `/${pathSegments.map(encodeSegment).join('/')}#${encodeSegment(fragment)}`;
  return `[${label}](${destination})`;
}

/**
 * Percent-encodes the ASCII characters that would end or change a destination (spaces,
 * parentheses, brackets, `#`, `?`, `%`, quotes, backslash, controls); letters of any script
 * stay readable, as CommonMark allows.
 */
function encodeSegment(segment: string): string {
  return segment.replace(/[ ()<>#?%\\[\]`"\p{Cc}]/gu, (c) =>
    // encodeURIComponent leaves parentheses as they are.
    c === '(' ? '%28' : c === ')' ? '%29' : encodeURIComponent(c),
  );
}
