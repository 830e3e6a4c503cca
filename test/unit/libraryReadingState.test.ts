import * as assert from 'assert';
import {
  arrangeEntries,
  exportStates,
  mergeStates,
  parseExportedStates,
  stateOf,
  withState,
  type LibraryEntry,
} from '../../src/library';
import { DAY1, DAY2, RERUN, addFixture, fixtureLibrary } from '../libraryFixtures';

const PAGED_KV = 'PagedKV: Elastic KV Cache Paging for Long-Context LLM Serving';

function titled(entries: Iterable<LibraryEntry>, title: string): LibraryEntry {
  const entry = [...entries].find((e) => e.title === title);
  assert.ok(entry, title);
  return entry;
}

suite('library: reading state', () => {
  test('state is stored under the entry key and found again by any of its keys', () => {
    const library = fixtureLibrary(DAY1, RERUN);
    const entry = library.entryAt(DAY1, 0)!;
    assert.strictEqual(entry.appearances.length, 2);
    const states = withState({}, entry, { starred: true, note: '先读' });
    assert.deepStrictEqual(Object.keys(states), [entry.key]);
    // The next day's digest adds an appearance: the entry, and its state, are the same.
    addFixture(library, DAY2);
    const later = titled(library.entries(), PAGED_KV);
    assert.deepStrictEqual(stateOf(states, later), { starred: true, note: '先读' });
    // State kept under another of the entry's keys (an abstract key, say) is found too.
    const other = later.keys.find((k) => k !== later.key)!;
    assert.deepStrictEqual(stateOf({ [other]: { read: true } }, later), { read: true });
  });

  test('clearing every field stores nothing; a change moves state found under another key to the main key', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    const entry = titled(library.entries(), PAGED_KV);
    const other = entry.keys.find((k) => k !== entry.key)!;
    const moved = withState({ [other]: { read: true } }, entry, { starred: true });
    assert.deepStrictEqual(moved, { [entry.key]: { read: true, starred: true } });
    assert.deepStrictEqual(withState(moved, entry, { read: false, starred: false }), {});
    assert.deepStrictEqual(withState({ [entry.key]: { technique: 'moe' } }, entry, { technique: undefined }), {});
  });

  test('an export reads back; a bad file is an error, never a partial import', () => {
    const states = { 't:a': { read: true }, 't:b': { note: 'x', technique: 'kv-cache' } };
    assert.deepStrictEqual(parseExportedStates(exportStates(states)), { states });
    for (const bad of [
      '{ truncated',
      '[]',
      '{"format": 2, "papers": {}}',
      '{"format": 1, "papers": {"t:a": {"read": "yes"}}}',
      '{"format": 1, "papers": {"t:a": {"technique": "Not An Id"}}}',
      '{"format": 1, "papers": {"": {"read": true}}}',
    ])
      assert.ok('error' in parseExportedStates(bad), bad);
  });

  test('an import merges field by field and never drops a paper', () => {
    const current = { 't:a': { read: true, note: 'mine' }, 't:b': { starred: true } };
    assert.deepStrictEqual(mergeStates(current, { 't:a': { starred: true }, 't:c': { read: true } }), {
      't:a': { read: true, note: 'mine', starred: true },
      't:b': { starred: true },
      't:c': { read: true },
    });
  });
});

suite('library: arranging entries for a list', () => {
  test('by technique: each entry once, the reader’s technique first; by report: under every report, newest report first', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    const pagedKv = titled(library.entries(), PAGED_KV);
    const byTechnique = arrangeEntries(library, {
      groupBy: 'technique',
      techniqueOf: (e) => (e === pagedKv ? 'moe' : (e.newest.techniques[0] ?? 'other')),
    });
    assert.strictEqual(byTechnique.flatMap((g) => g.entries).length, library.counts.distinctPapers);
    assert.ok(byTechnique.find((g) => g.key === 'moe')!.entries.includes(pagedKv));
    const byReport = arrangeEntries(library, { groupBy: 'report' });
    assert.deepStrictEqual(
      byReport.map((g) => g.key),
      [DAY2, RERUN, DAY1],
    );
    assert.deepStrictEqual(
      byReport.map((g) => g.entries.length),
      [3, 4, 3],
    );
    assert.strictEqual(byReport.filter((g) => g.entries.includes(pagedKv)).length, 3);
    const newOnly = arrangeEntries(library, { groupBy: 'none', keep: (e) => library.isNew(e) });
    assert.deepStrictEqual(
      newOnly[0].entries.map((e) => e.newest.report),
      [DAY2, DAY2],
    );
  });
});
