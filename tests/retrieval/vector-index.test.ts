import { describe, expect, it } from 'vitest';
import { VectorIndex } from '../../retrieval/vector-index.js';

const vec = (i: number) => Float32Array.from({ length: 8 }, (_, j) => Math.sin(i * 7 + j));

describe('VectorIndex.addGradually', () => {
  it('GIVEN many vectors THEN other work runs between slices, and every vector ends up searchable once', async () => {
    const index = VectorIndex.create('test/8', 8, { M: 8, efConstruction: 20, efSearch: 50 });
    const items = Array.from({ length: 1000 }, (_, i) => ({ id: i + 1, vec: vec(i) }));
    let ranBetween = 0;
    let adding = -1;
    // A question arriving mid-import: it runs before the additions finish, and sees them in progress.
    setImmediate(() => { ranBetween = index.size; adding = index.adding; });
    // A catch-up that already indexed some of them must not make them count twice.
    index.add(items.slice(990));
    await index.addGradually(items, 100);
    expect(ranBetween).toBeGreaterThan(0);
    expect(ranBetween).toBeLessThan(1000);
    expect(adding).toBe(1);
    expect(index.adding).toBe(0);
    expect(index.size).toBe(1000);
    expect(index.search(Array.from(vec(500)), 1)[0]!.id).toBe(501);
  });
});
