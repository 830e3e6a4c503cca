import * as assert from 'assert';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import MarkdownIt from 'markdown-it';
import { digestPreviewPlugin } from '../../src/preview/digestPreviewPlugin';
import { cachedDigestReader } from '../../src/preview/digestReader';
import type { PreviewText } from '../../src/preview/previewText';
import type { ReadingStateSource } from '../../src/preview/readingState';
import { corpusReports, readReport, repoRoot } from '../corpus';

/**
 * The preview's HTML of every corpus report must not change when the plugin's tokens do:
 * the hashes were recorded from the plugin as first landed (one token per element), before
 * it was made faster. The hashes rendered are written to .test-output/: copy them over the
 * fixture only for a change meant to alter the HTML.
 */
const HASHES = path.join(repoRoot, 'test', 'unit', 'fixtures', 'previewHtml.sha256.json');
const RENDERED = path.join(repoRoot, '.test-output', 'previewHtml.sha256.json');

const WORDS: PreviewText = {
  techniqueLabel: (id) => `technique <${id}>`,
  numberReading: (n) => `read as "${n.kind}" ${n.value}`,
  problemMessage: (problem) => `problem ${problem.code} & more`,
  toAbstract: 'Abstract',
  toBrief: 'Brief',
  read: 'Read',
  starred: 'Starred',
};

/** Every mark shows somewhere: even papers read, every third starred. */
const READING: ReadingStateSource = {
  readingStateOf: (paper) => ({ read: paper.index % 2 === 0, starred: paper.index % 3 === 0 }),
};

suite('preview HTML of the corpus reports, unchanged by how the plugin builds it', () => {
  // VS Code's preview options: HTML and linkify on.
  const md = new MarkdownIt({ html: true, linkify: true }).use(digestPreviewPlugin, {
    digestOf: cachedDigestReader(),
    text: WORDS,
    readingState: READING,
  });
  const reports = corpusReports();
  const recorded: Record<string, string> = JSON.parse(fs.readFileSync(HASHES, 'utf8'));
  const rendered: Record<string, string> = {};
  for (const name of reports) {
    test(name, () => {
      rendered[name] = createHash('sha256')
        .update(md.render(readReport(name)))
        .digest('hex');
      assert.strictEqual(
        rendered[name],
        recorded[name],
        `the HTML changed: if the core's reading meant it to, copy ${RENDERED} over ${HASHES}`,
      );
    });
  }
  suiteTeardown(() => {
    fs.mkdirSync(path.dirname(RENDERED), { recursive: true });
    fs.writeFileSync(RENDERED, JSON.stringify(rendered, null, 2) + '\n');
  });
});
