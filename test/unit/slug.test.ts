import * as assert from 'assert';
import { SourceLines, headingSlug, slugify } from '../../src/digest';

suite('heading slugs, as GitHub and the Markdown preview build anchors', () => {
  test('lower case, punctuation dropped (ASCII and CJK), spaces become hyphens', () => {
    assert.strictEqual(slugify('1. NanoServe: Fast (and Cheap) Serving!'), '1-nanoserve-fast-and-cheap-serving');
    assert.strictEqual(slugify('论文技术简报（第一部分）'), '论文技术简报第一部分');
    assert.strictEqual(slugify('  KV-Cache  '), 'kv-cache');
    assert.strictEqual(slugify('a  b'), 'a--b');
  });

  test('a repeated heading gets -1, -2 after the first; closing hashes and non-headings do not count', () => {
    const text = new SourceLines(
      ['# Report', '### 1. Alpha', 'Alpha', '### 1. Alpha ##', '#### 1. Alpha', '#not a heading'].join('\n'),
    );
    assert.strictEqual(headingSlug(text, 1), '1-alpha');
    assert.strictEqual(headingSlug(text, 3), '1-alpha-1');
    assert.strictEqual(headingSlug(text, 4), '1-alpha-2');
    assert.strictEqual(headingSlug(text, 0), 'report');
  });
});
