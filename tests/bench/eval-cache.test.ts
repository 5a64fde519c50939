import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { evalApp } from '../../bench/evaluate.js';
import { testConfig } from '../helpers/app.js';
import { tempDir } from '../helpers/temp.js';

// A tiny corpus in the layout of ../shared/eval: one JSONL file per corpus folder.
function writeCorpus(dir: string, statement: string): void {
  const line = (id: string, text: string) => `${JSON.stringify({ id, title: id, text })}\n`;
  for (const [folder, id] of [['un_general_debate', 'un-1'], ['wikipedia_current_events', 'wiki-1'], ['state_dept_press', 'state-1']] as const) {
    mkdirSync(path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, folder, 'part-0.jsonl'), line(id, `${statement} The talks in ${folder.split('_')[0]} went on for two days.`));
  }
}

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

async function open(override?: Parameters<typeof evalApp>[3]) {
  const { app, rebuilt } = await evalApp(testConfig(path.join(dir, 'data')), path.join(dir, 'corpus'), undefined, override);
  const { documents, vectors } = app.deps.storage;
  const texts = (await documents.getPassages(await vectors.ids())).map((c) => c.text);
  const { documents: docs, passages } = await documents.counts();
  const counts = { documents: docs, chunks: passages };
  await app.close();
  return { rebuilt, texts, counts };
}

describe('the cached evaluation store', () => {
  it('GIVEN the same inputs and code THEN the store is reused, not rebuilt', async () => {
    writeCorpus(path.join(dir, 'corpus'), 'Freedonia said the border would stay open.');
    expect((await open()).rebuilt).toEqual(['store']);
    const again = await open();
    expect(again.rebuilt).toEqual([]);
    expect(again.counts.documents).toBe(3);
  });

  it('GIVEN an input edited to the same size THEN it is rebuilt and the old passages are gone', async () => {
    writeCorpus(path.join(dir, 'corpus'), 'Freedonia said the border would stay open.');
    await open();
    writeCorpus(path.join(dir, 'corpus'), 'Sylvania said the border would stay shut.');
    const after = await open();
    expect(after.rebuilt).toEqual(['inputs']);
    expect(after.counts.documents).toBe(3);
    expect(after.texts.join(' ')).toContain('Sylvania');
    expect(after.texts.join(' ')).not.toContain('Freedonia');
  });

  const versions = [
    ['schema', { schema: 999 }], ['claims', { claims: '999/rules' }], ['code', { code: 'other-chunker' }],
    ['embedder', { embedder: 'other/8' }], ['index', { index: '{"M":8}' }],
  ] as const;
  it.each(versions)(
    'GIVEN a store built by another %s version THEN it is rebuilt from nothing', async (part, override) => {
      writeCorpus(path.join(dir, 'corpus'), 'Freedonia said the border would stay open.');
      await open();
      const after = await open(override);
      expect(after.rebuilt).toEqual([part]);
      expect(after.counts.documents).toBe(3);
      expect((await open(override)).rebuilt).toEqual([]);
      expect((await open()).rebuilt).toEqual([part]);
    });
});
