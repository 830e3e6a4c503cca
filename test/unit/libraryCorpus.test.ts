import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseDigest } from '../../src/digest';
import { Library, loadIndex, paperKeys, serialiseIndex } from '../../src/library';
import { corpusDir, corpusReports, readReport } from '../corpus';

suite('library: the corpus', () => {
  const reports = corpusReports();
  const library = new Library();
  let bytes = 0;
  let papers = 0;
  suiteSetup(function () {
    if (!reports.length) this.skip();
    for (const name of reports) {
      const text = readReport(name);
      const stat = fs.statSync(path.join(corpusDir, name));
      bytes += stat.size;
      const digest = parseDigest(text);
      papers += digest.papers.length;
      library.addDigest({ path: name, size: stat.size, mtime: stat.mtimeMs }, digest);
    }
  });

  test('digest and paper counts equal the core parse of each report', () => {
    assert.strictEqual(library.counts.digests, reports.length);
    assert.strictEqual(library.counts.papers, papers);
    assert.strictEqual(papers, 586, 'the corpus README says 586 papers');
    const distinctTitles = new Set(
      library
        .digests()
        .flatMap((d) => d.papers)
        .map((p) => paperKeys(p)[0]),
    );
    assert.ok(library.counts.distinctPapers <= distinctTitles.size);
    assert.ok(library.counts.distinctPapers > 500, `${library.counts.distinctPapers} distinct`);
  });

  test('every digest has a date, and the newest is the reference report of 2025-10-10', () => {
    for (const digest of library.digests()) assert.match(digest.date, /^2025-\d\d-\d\d$/, digest.path);
    assert.strictEqual(library.newestDigest()?.date, '2025-10-10');
    const fresh = [...library.entries()].filter((e) => library.isNew(e));
    assert.strictEqual(fresh.length, 21);
  });

  test('every paper is found by its own title', () => {
    for (const entry of library.entries()) {
      if (!entry.appearances.some((a) => a.title)) continue;
      const hits = library.search(entry.title, { limit: 10 });
      assert.ok(
        hits.some((h) => h.entry === entry),
        `"${entry.title}" not in its own top 10`,
      );
    }
  });

  test('the persisted index is under half the reports, and loads back the same', () => {
    const text = serialiseIndex(library);
    const ratio = Buffer.byteLength(text) / bytes;
    assert.ok(ratio < 0.5, `index/reports = ${ratio.toFixed(2)}`);
    const loaded = loadIndex(text);
    assert.strictEqual(loaded.status, 'loaded');
    assert.deepStrictEqual(loaded.library.counts, library.counts);
    const numbers = (l: typeof library) => l.digests().flatMap((d) => d.papers.map((p) => p.numbers));
    assert.deepStrictEqual(numbers(loaded.library), numbers(library));
  });
});
