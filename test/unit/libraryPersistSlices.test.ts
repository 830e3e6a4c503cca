import * as assert from 'assert';
import { loadIndex, loadIndexInSlices, serialiseIndex, serialiseIndexInSlices } from '../../src/library';
import { DAY1, DAY2, RERUN, fixtureLibrary } from '../libraryFixtures';

/** The steps of a sliced generator, and what it returns. */
function drain<T>(slices: Generator<void, T>): { steps: number; value: T } {
  let steps = 0;
  for (;;) {
    const step = slices.next();
    if (step.done) return { steps, value: step.value };
    steps++;
  }
}

suite('library: the persisted index a digest at a time', () => {
  test('writing and loading yield once per digest, and read back as the index does', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    const written = drain(serialiseIndexInSlices(library, { settings: 's' }));
    assert.strictEqual(written.steps, 3);
    const whole = JSON.parse(written.value);
    assert.deepStrictEqual(Object.keys(whole), ['format', 'parser', 'settings', 'digests']);
    assert.strictEqual(whole.settings, 's');
    assert.deepStrictEqual(
      whole.digests.map((d: { path: string }) => d.path),
      [DAY1, RERUN, DAY2],
    );
    const loaded = drain(loadIndexInSlices(written.value, { settings: 's' }));
    assert.strictEqual(loaded.steps, 3);
    assert.strictEqual(loaded.value.status, 'loaded');
    assert.deepStrictEqual(loaded.value.library.counts, library.counts);
    assert.strictEqual(serialiseIndex(loaded.value.library, { settings: 's' }), written.value);
  });

  test('each digest is on a line of its own; an index on one line loads too', () => {
    const library = fixtureLibrary(DAY1, RERUN, DAY2);
    const text = serialiseIndex(library);
    assert.strictEqual(text.split('\n').length, 3 + 2);
    const oneLine = JSON.stringify(JSON.parse(text));
    const loaded = loadIndex(oneLine);
    assert.ok(loaded.status === 'loaded');
    assert.deepStrictEqual(loaded.library.counts, library.counts);
    const empty = loadIndex(serialiseIndex(fixtureLibrary()));
    assert.ok(empty.status === 'loaded' && empty.library.counts.digests === 0);
    const cut = text.split('\n');
    cut[2] = cut[2].slice(0, 40);
    assert.strictEqual(loadIndex(cut.join('\n')).status, 'rebuild', 'a damaged line rebuilds');
  });

  test('a digest that fails its schema half-way rebuilds the whole library', () => {
    const text = serialiseIndex(fixtureLibrary(DAY1, RERUN, DAY2));
    const index = JSON.parse(text);
    index.digests[1].papers.line[0] = -1;
    const result = loadIndex(JSON.stringify(index));
    assert.strictEqual(result.status, 'rebuild');
    assert.ok(result.status === 'rebuild' && result.reason === 'corrupt' && /digest 1/.test(result.detail));
    assert.strictEqual(result.library.counts.digests, 0);
  });
});
