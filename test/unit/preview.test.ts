import * as assert from 'assert';
import MarkdownIt from 'markdown-it';
import {
  createClassifier,
  DEFAULT_TAXONOMY,
  OTHER_TECHNIQUE_ID,
  parseDigest,
  type DigestPaper,
} from '../../src/digest';
import { briefAnchor, digestPreviewPlugin } from '../../src/preview/digestPreviewPlugin';
import { cachedDigestReader, type ReaderOptions } from '../../src/preview/digestReader';
import type { PreviewText } from '../../src/preview/previewText';
import type { ReadingStateSource } from '../../src/preview/readingState';
import { corpusReports, readLabels, readReport } from '../corpus';
import { checkPreviewHtml, hrefsOf, idsOf, marksOf } from '../previewChecks';

/** Plain words, so that tests can find them; the extension gives localized ones. */
const WORDS: PreviewText = {
  techniqueLabel: (id) => `technique ${id}`,
  numberReading: (n) => `read as ${n.kind} ${n.value}`,
  problemMessage: (problem) => `problem ${problem.code}`,
  toAbstract: 'Abstract',
  toBrief: 'Brief',
  read: 'Read',
  starred: 'Starred',
};

function render(text: string, readingState?: ReadingStateSource): string {
  const md = new MarkdownIt();
  md.use(digestPreviewPlugin, { digestOf: cachedDigestReader(), text: WORDS, readingState });
  return md.render(text);
}

const digestText = (briefs: string, details: string, count = 1) =>
  `# AI推理加速技术论文分析报告\n生成时间: 2025-10-17 12:13:47\n分析论文数量: ${count}篇\n\n## 论文技术简报\n\n${briefs}\n\n## 论文详细信息\n\n${details}\n`;

const BRIEF =
  '### 1. FastQ: 4-bit Weight Quantization\n\n清华大学发布了FastQ论文，使用4位权重量化技术，解决了显存瓶颈问题，达成了推理速度提升2.15倍、显存减少48%的效果。';
const DETAILS =
  '### 1. FastQ: 4-bit Weight Quantization\n\n**主要机构**: Tsinghua University\n**作者数量**: 5人\n\n**摘要**:\nWe quantize the weights.';

suite('preview plugin', () => {
  test('leaves a document that is not a digest exactly as markdown-it renders it', () => {
    const notes = '# Notes\n\n### 1. Budget\n\nWe saved 2.15倍 of the time.\n';
    assert.strictEqual(render(notes), new MarkdownIt().render(notes));
  });

  test("puts a technique chip with the institution and strongest result in the brief's heading", () => {
    const html = render(digestText(BRIEF, DETAILS));
    const heading = /<h3>1\. FastQ: 4-bit Weight Quantization(.*?)<\/h3>/.exec(html);
    assert.ok(heading, html);
    assert.match(heading[1], /<span class="dl-chip" data-technique="quantization">/);
    assert.match(heading[1], /<span class="dl-institution">清华大学<\/span>/);
    assert.match(heading[1], /<span class="dl-result" title="read as speedup 2.15">2.15×<\/span>/);
  });

  test('marks each headline number with its reading, keeping the text around it', () => {
    const html = render(digestText(BRIEF, DETAILS));
    assert.match(
      html,
      /速度提升<mark class="dl-number" data-kind="speedup" title="read as speedup 2.15">2.15倍<\/mark>、/,
    );
    assert.match(
      html,
      /显存减少<mark class="dl-number" data-kind="reduction" title="read as reduction 48">48%<\/mark>的效果/,
    );
  });

  test('marks the occurrence the core read, not an earlier one in the brief', () => {
    const brief = '### 1. T\n\n提升2倍框架发布了T论文，使用剪枝技术，解决了延迟问题，达成了速度提升2倍的效果。';
    const digest = parseDigest(digestText(brief, DETAILS.replace('FastQ: 4-bit Weight Quantization', 'T')));
    const numbers = digest.papers[0].headlineNumbers.map((n) => n.text);
    const html = render(digestText(brief, DETAILS.replace('FastQ: 4-bit Weight Quantization', 'T')));
    assert.deepStrictEqual(marksOf(html), numbers);
    if (numbers.length === 1) assert.match(html, /提升2倍框架.*速度提升<mark/);
  });

  test('links each brief to its abstract and back, through anchors that exist', () => {
    const html = render(digestText(BRIEF, DETAILS));
    assert.ok(idsOf(html).includes('dl-brief-1') && idsOf(html).includes('dl-details-1'));
    assert.deepStrictEqual(hrefsOf(html), ['dl-details-1', 'dl-brief-1']);
    assert.match(html, /href="#dl-details-1">↓ Abstract<\/a>/);
    assert.match(html, /href="#dl-brief-1">↑ Brief<\/a>/);
  });

  test('keeps the heading text the only text of the heading, so its slug does not change', () => {
    const md = new MarkdownIt();
    md.use(digestPreviewPlugin, { digestOf: cachedDigestReader(), text: WORDS });
    const tokens = md.parse(digestText(BRIEF, DETAILS), {});
    const headingTexts = tokens
      .filter(
        (t, i) => tokens[i - 1]?.type === 'heading_open' && t.children?.some((c) => c.type.startsWith('digest_lens')),
      )
      .map((t) =>
        t
          .children!.filter((c) => c.type === 'text')
          .map((c) => c.content)
          .join(''),
      );
    assert.deepStrictEqual(headingTexts, [
      '1. FastQ: 4-bit Weight Quantization',
      '1. FastQ: 4-bit Weight Quantization',
    ]);
  });

  test('numbers the anchors of repeated paper numbers apart', () => {
    assert.strictEqual(briefAnchor(7, 0), 'dl-brief-7');
    assert.strictEqual(briefAnchor(7, 1), 'dl-brief-7-2');
    const html = render(digestText(`${BRIEF}\n\n${BRIEF}`, `${DETAILS}\n\n${DETAILS}`, 2));
    const ids = idsOf(html);
    assert.deepStrictEqual(
      ids.filter((id) => id.startsWith('dl-')),
      ['dl-brief-1', 'dl-brief-1-2', 'dl-details-1', 'dl-details-1-2'],
    );
    for (const href of hrefsOf(html)) assert.ok(ids.includes(href), href);
  });

  test('shows problems as notes under the heading they concern', () => {
    const html = render(digestText(BRIEF.replace('FastQ: 4-bit Weight Quantization', ''), DETAILS, 3));
    assert.match(
      html,
      /^<h1>[^]*?<\/h1>\n<div class="dl-notes" role="note"><p class="dl-note dl-\w+">problem count-mismatch<\/p>/,
    );
    assert.match(html, /<h3>.*?<\/h3>\n<div class="dl-notes" role="note">.*?problem empty-title/);
  });

  test('keeps a hostile title, institution and brief as text', () => {
    const hostile = '<img src=x onerror=alert(1)>" onmouseover="alert(2)';
    const brief = `### 1. ${hostile}\n\n${hostile}发布了X论文，使用量化技术，解决了问题，达成了速度提升2倍的效果。`;
    const details = `### 1. ${hostile}\n\n**主要机构**: ${hostile}\n**作者数量**: 5人\n\n**摘要**:\nText.`;
    const html = render(digestText(brief, details));
    assert.ok(!html.includes('<img'), html);
    assert.ok(!/<[^>]*\son\w+=/.test(html), 'no element carries an event handler');
    assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  });

  test('shows the reading state the library gives, and none when it knows nothing', () => {
    const states = new Map<number, { read: boolean; starred: boolean }>([[1, { read: true, starred: true }]]);
    const library: ReadingStateSource = { readingStateOf: (paper: DigestPaper) => states.get(paper.index) };
    const marked = render(digestText(BRIEF, DETAILS), library);
    assert.match(marked, /<span class="dl-mark dl-read" title="Read">✓<\/span>/);
    assert.match(marked, /<span class="dl-mark dl-starred" title="Starred">★<\/span>/);
    states.clear();
    assert.ok(!render(digestText(BRIEF, DETAILS), library).includes('dl-mark'));
  });

  test('bad input (CRLF, a byte-order mark, truncation, binary) renders, with the papers still there', () => {
    const report = digestText(
      `${BRIEF}\n\n${BRIEF.replace('### 1.', '### 2.')}`,
      `${DETAILS}\n\n${DETAILS.replace('### 1.', '### 2.')}`,
      2,
    );
    for (const variant of [report.replace(/\n/g, '\r\n'), `\uFEFF${report}`]) {
      const html = render(variant);
      assert.strictEqual((html.match(/class="dl-chip"/g) ?? []).length, 2);
      assert.deepStrictEqual(marksOf(html), ['2.15倍', '48%', '2.15倍', '48%']);
    }
    for (let end = 0; end < report.length; end += 7) assert.doesNotThrow(() => render(report.slice(0, end)));
    const binary = report + String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 7919) % 65536));
    assert.match(render(binary), /class="dl-chip"/);
  });

  test('a fault while decorating leaves the page rendered, not an exception', () => {
    const text = digestText(BRIEF, DETAILS);
    const broken = parseDigest(text);
    (broken.papers[0] as { headlineNumbers: unknown }).headlineNumbers = null;
    const md = new MarkdownIt().use(digestPreviewPlugin, { digestOf: () => broken, text: WORDS });
    const error = console.error;
    console.error = () => undefined;
    try {
      assert.match(md.render(text), /<h3>1\. FastQ: 4-bit Weight Quantization/);
    } finally {
      console.error = error;
    }
  });

  test('a fault while rendering a chip leaves the rest of the page rendered, not an exception', () => {
    const failing: ReadingStateSource = {
      readingStateOf: () => {
        throw new Error('the library failed');
      },
    };
    const error = console.error;
    console.error = () => undefined;
    try {
      const html = render(digestText(BRIEF, DETAILS), failing);
      assert.match(html, /<h3>1\. FastQ: 4-bit Weight Quantization/);
      assert.match(html, /<mark class="dl-number"/, 'the numbers are still marked');
      assert.doesNotMatch(html, /class="dl-chip"/, 'the chip that failed is left out');
    } finally {
      console.error = error;
    }
  });

  test('reads a text once however often it is rendered, and again when the taxonomy or the size limit changes', () => {
    let options: ReaderOptions = {};
    const read = cachedDigestReader(() => options);
    const text = digestText(BRIEF, DETAILS);
    const first = read(text);
    assert.ok(first);
    assert.strictEqual(read(text), first, 'the same text: the same parse');
    assert.notStrictEqual(read(text + '\n'), first, 'another text: a new parse');
    options = { classifier: createClassifier(DEFAULT_TAXONOMY.filter((t) => t.id === OTHER_TECHNIQUE_ID)) };
    assert.strictEqual(read(text)!.papers[0].techniques[0]?.id ?? OTHER_TECHNIQUE_ID, OTHER_TECHNIQUE_ID);
    options = { ...options, maxSizeMB: text.length / 4 / (1024 * 1024) };
    assert.strictEqual(read(text), undefined, 'over the size limit: not read');
  });
});

suite('preview plugin over every corpus report', () => {
  const labels = readLabels();
  let labelledNumbersChecked = 0;
  for (const name of corpusReports()) {
    test(name, () => {
      const text = readReport(name);
      labelledNumbersChecked += checkPreviewHtml(
        render(text),
        parseDigest(text),
        labels.filter((l) => l.report === name),
      );
    });
  }

  test('the labelled numbers were checked, where the labels are present', function () {
    if (!labels.length || !corpusReports().length) this.skip();
    assert.ok(labelledNumbersChecked > 500, `${labelledNumbersChecked} labelled numbers checked`);
  });
});
