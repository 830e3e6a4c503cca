import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import { markdownLink } from '../../src/digest';

/** What a CommonMark renderer makes of the link: its href and its text, or undefined when it is no single link. */
function rendered(markdown: string): { href: string; text: string } | undefined {
  const tokens = new MarkdownIt().parseInline(markdown, {})[0].children ?? [];
  const open = tokens.findIndex((t) => t.type === 'link_open');
  const close = tokens.findIndex((t) => t.type === 'link_close');
  if (open !== 0 || close !== tokens.length - 1) return undefined;
  const text = tokens
    .slice(open + 1, close)
    .map((t) => t.content)
    .join('');
  return { href: decodeURIComponent(String(tokens[open].attrGet('href'))), text };
}

suite('markdownLink: a link that survives pasting anywhere in the workspace', () => {
  test('the path is root-relative, so it resolves from a file in any subfolder', () => {
    assert.strictEqual(markdownLink('Alpha', ['reports', 'a.md'], '1-alpha'), '[Alpha](/reports/a.md#1-alpha)');
  });

  const cases: [string, string[], string][] = [
    ['Parentheses (in the title)', ['reports (old)', 'day (1).md'], '1-parentheses-in-the-title'],
    ['Brackets [sic] and a \\ backslash', ['a b', 'c.md'], '2-brackets-sic'],
    ['Code `span` and <html>', ['x#y?z%.md'], '3-code'],
    ['论文：中文标题', ['报告', '日报 2025.md'], '4-论文中文标题'],
  ];
  for (const [title, segments, fragment] of cases)
    test(`a CommonMark renderer reads one whole link: ${title}`, () => {
      const link = markdownLink(title, segments, fragment);
      assert.deepStrictEqual(rendered(link), { href: `/${segments.join('/')}#${fragment}`, text: title }, link);
    });

  test('spaces and parentheses are percent-encoded; letters of any script stay readable', () => {
    assert.strictEqual(markdownLink('T', ['日报 (1).md'], 'x'), '[T](/日报%20%281%29.md#x)');
  });
});
