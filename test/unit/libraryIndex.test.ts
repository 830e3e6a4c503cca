import * as assert from 'assert';
import { INDEX_FORMAT_VERSION, Library, loadIndex, serialiseIndex, type LibraryEntry } from '../../src/library';
import { DAY1, DAY2, RERUN, fixtureLibrary } from '../libraryFixtures';

const describe = (entries: Iterable<LibraryEntry>) =>
  [...entries]
    .map((e) => `${e.key}|${e.title}|${e.appearances.map((a) => `${a.report}#${a.index}@${a.line}:${a.date}`)}`)
    .sort();

suite('library: the persisted index', () => {
  const library = fixtureLibrary(DAY1, RERUN, DAY2);
  const text = serialiseIndex(library);

  test('a round trip gives the same digests, entries, keys and counts', () => {
    const loaded = loadIndex(text);
    assert.strictEqual(loaded.status, 'loaded');
    assert.deepStrictEqual(loaded.library.counts, library.counts);
    assert.deepStrictEqual(describe(loaded.library.entries()), describe(library.entries()));
    for (const entry of library.entries()) assert.deepStrictEqual(loaded.library.entry(entry.key)?.keys, entry.keys);
    assert.strictEqual(loaded.library.newestDigest()?.path, DAY2);
    assert.ok(loaded.library.isCurrent({ path: DAY1, size: library.digest(DAY1)!.size, mtime: 1 }));
  });

  test("keeps each paper's headline numbers and techniques", () => {
    const loaded = loadIndex(text).library;
    const numbered = library.digests().flatMap((d) => d.papers.filter((p) => p.numbers.length));
    assert.ok(numbered.length > 0, 'the fixtures quantify some results');
    for (const digest of library.digests()) {
      const papers = loaded.digest(digest.path)!.papers;
      assert.deepStrictEqual(
        papers.map((p) => [p.techniques, p.numbers]),
        digest.papers.map((p) => [p.techniques, p.numbers]),
        digest.path,
      );
    }
  });

  test('a loaded index has no text: it says so, and finds papers by title, institution and technique', () => {
    const loaded = loadIndex(text).library;
    assert.deepStrictEqual(loaded.digestsWithoutText().sort(), [DAY1, RERUN, DAY2]);
    assert.strictEqual(loaded.search('Peking')[0].entry.title, 'DRAFT TREES THAT GROW: ADAPTIVE SPECULATIVE DECODING');
    assert.deepStrictEqual(loaded.search('弹性'), [], 'briefs are not persisted');
  });

  test('keeps out briefs and abstracts', () => {
    assert.ok(!text.includes('弹性KV缓存分页'));
    assert.ok(!text.includes('Long-context serving is bound'));
  });

  test('a truncated index is rebuilt, not thrown', () => {
    for (const length of [0, 1, 10, text.length / 2, text.length - 1]) {
      const loaded = loadIndex(text.slice(0, Math.floor(length)));
      assert.strictEqual(loaded.status, 'rebuild', `cut at ${length}`);
      assert.deepStrictEqual(loaded.library.counts, { digests: 0, papers: 0, distinctPapers: 0 });
    }
  });

  test('corrupt or foreign JSON is rebuilt, with the reason', () => {
    const reason = (input: string | undefined) => {
      const loaded = loadIndex(input);
      return loaded.status === 'rebuild' ? loaded.reason : loaded.status;
    };
    assert.strictEqual(reason(undefined), 'empty');
    assert.strictEqual(reason('\u0000\u00ff binary'), 'corrupt');
    assert.strictEqual(reason('null'), 'corrupt');
    assert.strictEqual(reason('[1,2]'), 'corrupt');
    const json = JSON.parse(text);
    json.digests[0].papers.line[0] = 'six';
    assert.strictEqual(reason(JSON.stringify(json)), 'corrupt');
    json.digests[0].papers.line[0] = 6;
    assert.strictEqual(reason(JSON.stringify(json)), 'loaded');
    const numbers = json.digests[0].papers.numbers;
    numbers[numbers.findIndex((n: unknown[]) => n.length)][0][0] = 'made-up-kind';
    assert.strictEqual(reason(JSON.stringify(json)), 'corrupt', 'a number of an unknown kind');
    json.digests[0].papers.numbers = numbers.map(() => []);
    assert.strictEqual(reason(JSON.stringify(json)), 'loaded');
    json.digests[0].papers.title.pop();
    assert.strictEqual(reason(JSON.stringify(json)), 'corrupt', 'columns of different lengths');
    delete json.digests;
    assert.strictEqual(reason(JSON.stringify(json)), 'corrupt');
  });

  test('an index of another format, parser or settings is rebuilt', () => {
    const json = JSON.parse(text);
    assert.strictEqual(loadIndex(JSON.stringify({ ...json, format: INDEX_FORMAT_VERSION - 1 })).status, 'rebuild');
    const older = loadIndex(JSON.stringify({ ...json, parser: json.parser - 1 }));
    assert.ok(older.status === 'rebuild' && older.reason === 'other-parser');
    const custom = loadIndex(text, { settings: '{"custom":[]}' });
    assert.ok(custom.status === 'rebuild' && custom.reason === 'other-settings');
    const same = serialiseIndex(library, { settings: 'x' });
    assert.strictEqual(loadIndex(same, { settings: 'x' }).status, 'loaded');
  });

  test('an empty library round-trips', () => {
    const loaded = loadIndex(serialiseIndex(new Library()));
    assert.strictEqual(loaded.status, 'loaded');
    assert.strictEqual(loaded.library.counts.digests, 0);
  });
});
