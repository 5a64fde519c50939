import { appendFileSync, statSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddingCache } from '../../../retrieval/providers/embedding-cache.js';
import { tempDir } from '../../helpers/temp.js';

let dir: string;
let remove: () => void;
beforeEach(() => ({ dir, cleanup: remove } = tempDir()));
afterEach(() => remove());

describe('EmbeddingCache', () => {
  it('GIVEN vectors THEN a new cache over the same file reads them back, keyed by model and text', () => {
    const a = new EmbeddingCache(dir, 'ollama:m');
    a.putMany([{ text: 'one', vec: [0.5, -1, 2] }, { text: 'two', vec: [1, 2, 3] }]);
    const b = new EmbeddingCache(dir, 'ollama:m');
    expect(b.dimensions).toBe(3);
    expect(Array.from(b.get('one')!)).toEqual([0.5, -1, 2]);
    expect(b.get('three')).toBeUndefined();
    expect(new EmbeddingCache(dir, 'ollama:other').get('one')).toBeUndefined();
  });

  it('GIVEN a torn record at the end THEN it is cut off and later records still read', () => {
    const a = new EmbeddingCache(dir, 'k');
    a.putMany([{ text: 'one', vec: [1, 2] }]);
    const size = statSync(a.file).size;
    appendFileSync(a.file, Buffer.alloc(10, 7));
    const b = new EmbeddingCache(dir, 'k');
    expect(b.size).toBe(1);
    expect(statSync(a.file).size).toBe(size);
    b.putMany([{ text: 'two', vec: [3, 4] }]);
    expect(Array.from(new EmbeddingCache(dir, 'k').get('two')!)).toEqual([3, 4]);
  });
});
