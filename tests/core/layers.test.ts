import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../core/paths.js';

// The layers of ../shared/DESIGN.md: a folder imports only from folders of a lower rank (or itself).
const RANK: Record<string, number> = { core: 0, storage: 1, corpus: 1, claims: 2, retrieval: 3, prompts: 3, answer: 4, app: 5, bot: 6, cli: 6, bench: 6 };
// The terminal adapters share their preamble and `npm run eval` runs the evaluation of bench/; the bot stands alone.
const SIBLINGS = new Set(['cli>bench', 'bench>cli']);
const root = projectRoot();

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.ts$/.test(n) ? [p] : [];
  });
}

const sources = Object.keys(RANK).flatMap((folder) => files(path.join(root, folder)).map((f) => ({ folder, file: f, text: readFileSync(f, 'utf8') })));
const imports = (text: string) => [...text.matchAll(/(?:from\s+|import\s*\(\s*)['"]([^'"]+)['"]/g)].map((m) => m[1]!);

describe('layers (data flows one way)', () => {
  it('GIVEN every source file THEN it imports only from its own folder or the folders below it', () => {
    const wrong: string[] = [];
    for (const { folder, file, text } of sources) {
      for (const spec of imports(text).filter((s) => s.startsWith('.'))) {
        const target = path.relative(root, path.resolve(path.dirname(file), spec)).split(path.sep)[0]!;
        if (target in RANK && target !== folder && RANK[target]! >= RANK[folder]! && !SIBLINGS.has(`${folder}>${target}`)) wrong.push(`${path.relative(root, file)} imports ${spec}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('GIVEN every source file THEN discord.js only in bot/, and process.env only in app/config.ts', () => {
    const discord = sources.filter((s) => s.folder !== 'bot' && imports(s.text).some((x) => x === 'discord.js' || x.startsWith('@discordjs/')));
    const env = sources.filter((s) => path.relative(root, s.file) !== path.join('app', 'config.ts') && /\bprocess\.env\b/.test(s.text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '')));
    expect(discord.map((s) => path.relative(root, s.file))).toEqual([]);
    expect(env.map((s) => path.relative(root, s.file))).toEqual([]);
  });

  it('GIVEN every source file outside storage/ THEN it holds no SQL, and only app/open-storage.ts picks an adapter', () => {
    // Statements as the adapters write them: a keyword followed by what SQL puts after it.
    const sql = /\b(SELECT\s+[\w*(]|INSERT\s+(OR\s+\w+\s+)?INTO\s|UPDATE\s+\w+\s+SET\s|DELETE\s+FROM\s|CREATE\s+(TABLE|INDEX|TRIGGER)\s)|\.prepare\(|\bPRAGMA\s/;
    const code = (text: string) => text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, '');
    const withSql = sources.filter((s) => s.folder !== 'storage' && sql.test(code(s.text)));
    expect(withSql.map((s) => path.relative(root, s.file))).toEqual([]);
    // The tools of bench/ measure an adapter directly; the app reaches one only through app/open-storage.ts.
    const adapters = sources.filter((s) => !['storage', 'bench'].includes(s.folder) && path.relative(root, s.file) !== path.join('app', 'open-storage.ts')
      && imports(s.text).some((x) => /(^|\/)storage\/(sqlite|postgres)\//.test(x)));
    expect(adapters.map((s) => path.relative(root, s.file))).toEqual([]);
    expect(sql.test("store.sql('SELECT id FROM chunks')")).toBe(true);
  });

  it('GIVEN a file that imports upwards THEN the check names it (the check can fail)', () => {
    const spec = '../app/create-app.js';
    const target = path.relative(root, path.resolve(path.join(root, 'claims'), spec)).split(path.sep)[0]!;
    expect(RANK[target]! >= RANK.claims!).toBe(true);
  });
});
