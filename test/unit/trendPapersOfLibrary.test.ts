import * as assert from 'assert';
import { parseDigest } from '../../src/digest';
import { Library } from '../../src/library';
import { createInstitutionNames } from '../../src/library/institutionAliases';
import { trendPapersOfLibrary } from '../../src/library/trendPapersOfLibrary';
import { digestText } from '../libraryFixtures';

const paged = {
  title: 'PagedKV: Elastic KV Cache Paging',
  brief: '清华大学发布了PagedKV论文，使用弹性KV缓存分页，解决了长上下文显存问题，达成了吞吐量2.3倍的效果。',
  institutions: 'Tsinghua University',
  abstract: 'We page the KV cache elastically, for 2.3x throughput in long-context serving.',
};
const exit = {
  title: 'Early Exit for Reasoning Models',
  brief: '阿里巴巴发布了推理模型提前退出论文，使用置信度提前退出，解决了推理冗余的问题，达成了推理token减少40%的效果。',
  institutions: 'Alibaba Group',
  abstract: 'Confidence-based early exit cuts reasoning tokens by 40% at equal accuracy.',
};

suite('trend papers of the library', () => {
  const names = createInstitutionNames();
  const library = new Library();
  const add = (path: string, papers: (typeof paged)[]) =>
    library.addDigest({ path, size: 1, mtime: 1 }, parseDigest(digestText(papers)));
  add('file:///r/2025-10-09_report.md', [paged]);
  // The next day reports PagedKV again, after Early Exit, under a new number and with a new result.
  add('file:///r/2025-10-10_report.md', [exit, { ...paged, brief: paged.brief.replace('2.3倍', '2.5倍') }]);
  const papers = trendPapersOfLibrary(library, names);
  const byTitle = (title: string) => papers.find((p) => p.title === title)!;

  test('a paper in two digests is one trend paper, keyed by its library entry', () => {
    assert.strictEqual(papers.length, 2);
    const entry = library.entry(byTitle(paged.title).key);
    assert.strictEqual(entry?.appearances.length, 2);
    assert.deepStrictEqual(new Set(papers.map((p) => p.key)).size, 2);
  });

  test('dated by its first appearance, read and opened from its newest', () => {
    const twice = byTitle(paged.title);
    assert.strictEqual(twice.date, '2025-10-09');
    assert.deepStrictEqual(twice.location, { uri: 'file:///r/2025-10-10_report.md', index: 2, occurrence: 0 });
    assert.deepStrictEqual(
      twice.numbers.map((n) => [n.kind, n.value]),
      [['speedup', 2.5]],
    );
    assert.strictEqual(twice.technique, 'kv-cache');
    assert.deepStrictEqual(
      twice.institutions.map((i) => i.name),
      ['Tsinghua University'],
    );
    const once = byTitle(exit.title);
    assert.strictEqual(once.date, '2025-10-10');
    assert.deepStrictEqual(
      once.numbers.map((n) => [n.kind, n.value, n.unit]),
      [['reduction', 40, '%']],
    );
  });

  test('papers sharing a number in one digest open by their occurrence', () => {
    const doubled = new Library();
    const text = digestText([paged, exit]).replace(/### 2\. /g, '### 1. ');
    doubled.addDigest({ path: 'file:///r/2025-10-11_report.md', size: 1, mtime: 1 }, parseDigest(text));
    const locations = trendPapersOfLibrary(doubled, names).map((p) => [
      p.title,
      p.location.index,
      p.location.occurrence,
    ]);
    assert.deepStrictEqual(locations.sort(), [
      [exit.title, 1, 1],
      [paged.title, 1, 0],
    ]);
  });

  test('an empty library has no trend papers', () => {
    assert.deepStrictEqual(trendPapersOfLibrary(new Library(), names), []);
  });
});
