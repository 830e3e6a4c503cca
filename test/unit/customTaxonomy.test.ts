import * as assert from 'assert';
import { buildTaxonomy, createClassifier, DEFAULT_TAXONOMY, OTHER_TECHNIQUE_ID } from '../../src/digest';

suite('custom taxonomy (setting digestLens.techniques.custom, CLI --taxonomy)', () => {
  const ids = (taxonomy: readonly { id: string }[]) => taxonomy.map((t) => t.id);

  test('no custom groups: the default taxonomy itself, so its shared classifier is reused', () => {
    assert.strictEqual(buildTaxonomy([]), DEFAULT_TAXONOMY);
  });

  test('a new group joins before other; a group with a default id replaces it in place, keeping its labels', () => {
    const taxonomy = buildTaxonomy([
      { id: 'retrieval', label: { en: 'Retrieval' }, keywords: ['retriev\\w*'] },
      { id: 'moe', keywords: ['mixture-of-experts'] },
    ]);
    assert.deepStrictEqual(ids(taxonomy), [
      ...ids(DEFAULT_TAXONOMY).filter((id) => id !== OTHER_TECHNIQUE_ID),
      'retrieval',
      OTHER_TECHNIQUE_ID,
    ]);
    const moe = taxonomy.find((t) => t.id === 'moe')!;
    assert.deepStrictEqual(moe.keywords, ['mixture-of-experts']);
    assert.deepStrictEqual(moe.label, DEFAULT_TAXONOMY.find((t) => t.id === 'moe')!.label);
    assert.deepStrictEqual(taxonomy.find((t) => t.id === 'retrieval')!.label, { en: 'Retrieval', zh: 'Retrieval' });
  });

  test('replaceDefaults keeps only the user groups and other', () => {
    assert.deepStrictEqual(ids(buildTaxonomy([{ id: 'rag', keywords: ['RAG\\b'] }], true)), [
      'rag',
      OTHER_TECHNIQUE_ID,
    ]);
    assert.deepStrictEqual(ids(buildTaxonomy([], true)), [OTHER_TECHNIQUE_ID]);
  });

  test('the built taxonomy classifies with the user keywords', () => {
    const classifier = createClassifier(buildTaxonomy([{ id: 'rag', keywords: ['retrieval-augmented'] }]));
    // A whole paper: by the labels' conventions, a title with an empty brief and abstract is a placeholder, other.
    const primary = (title: string) =>
      classifier.classify({ title, technique: title, results: '', abstract: `We study ${title.toLowerCase()}.` })[0].id;
    assert.strictEqual(primary('Retrieval-Augmented Generation at Scale'), 'rag');
    assert.strictEqual(primary('Post-Training Quantization of LLMs'), 'quantization');
  });
});
