import { createHash } from 'node:crypto';
import { appendFileSync, closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, truncateSync } from 'node:fs';
import path from 'node:path';

const HASH = 32;
const HEAD = HASH + 4;

/**
 * A file cache of embeddings, one file per model under `dir`, so that a reindex with the same model
 * does not pay twice. Each record is the SHA-256 of model key + text, the dimension (uint32 LE) and the
 * vector (float32 LE); records are only appended. A torn record at the end (a crash while writing), and
 * everything from a record of another dimension on, is cut off when the file is read.
 */
export class EmbeddingCache {
  readonly file: string;
  private readonly modelKey: string;
  private entries: Map<string, Float32Array> | undefined;
  private dims: number | undefined;

  constructor(dir: string, modelKey: string) {
    this.modelKey = modelKey;
    const slug = modelKey.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
    const tag = createHash('sha256').update(modelKey).digest('hex').slice(0, 8);
    this.file = path.join(dir, `${slug}-${tag}.f32`);
  }

  /** The dimension of the cached vectors, read from the first record (undefined when empty). */
  get dimensions(): number | undefined {
    if (this.dims !== undefined || !existsSync(this.file)) return this.dims;
    const fd = openSync(this.file, 'r');
    try {
      const head = Buffer.alloc(HEAD);
      if (readSync(fd, head, 0, HEAD, 0) === HEAD) this.dims = head.readUInt32LE(HASH) || undefined;
    } finally {
      closeSync(fd);
    }
    return this.dims;
  }

  /** The cached vector of a text, if any. */
  get(text: string): Float32Array | undefined {
    return this.load().get(this.key(text));
  }

  /** Adds vectors (all of one dimension) and appends them to the file. */
  putMany(items: readonly { text: string; vec: ArrayLike<number> }[]): void {
    if (items.length === 0) return;
    const map = this.load();
    const dims = items[0]!.vec.length;
    const fresh = items.filter((it) => !map.has(this.key(it.text)));
    if (fresh.length === 0) return;
    const buf = Buffer.alloc(fresh.length * (HEAD + dims * 4));
    let o = 0;
    for (const it of fresh) {
      if (it.vec.length !== dims) throw new Error('all vectors of a cache write must have one dimension');
      const key = this.key(it.text);
      Buffer.from(key, 'hex').copy(buf, o);
      buf.writeUInt32LE(dims, o + HASH);
      const vec = Float32Array.from(it.vec);
      Buffer.from(vec.buffer).copy(buf, o + HEAD);
      o += HEAD + dims * 4;
      map.set(key, vec);
    }
    mkdirSync(path.dirname(this.file), { recursive: true });
    appendFileSync(this.file, buf);
    this.dims ??= dims;
  }

  /** Number of cached vectors. */
  get size(): number {
    return this.load().size;
  }

  private key(text: string): string {
    return createHash('sha256').update(this.modelKey).update('\u0000').update(text).digest('hex');
  }

  private load(): Map<string, Float32Array> {
    if (this.entries) return this.entries;
    const map = new Map<string, Float32Array>();
    if (existsSync(this.file)) {
      const buf = readFileSync(this.file);
      let o = 0;
      let dims: number | undefined;
      while (o + HEAD <= buf.length) {
        const d = buf.readUInt32LE(o + HASH);
        if (d === 0 || (dims !== undefined && d !== dims) || o + HEAD + d * 4 > buf.length) break;
        dims = d;
        const vec = new Float32Array(d);
        for (let i = 0; i < d; i++) vec[i] = buf.readFloatLE(o + HEAD + i * 4);
        map.set(buf.toString('hex', o, o + HASH), vec);
        o += HEAD + d * 4;
      }
      this.dims ??= dims;
      // Cut a torn or foreign tail so that the next records append at a record boundary.
      if (o < buf.length) truncateSync(this.file, o);
    }
    this.entries = map;
    return map;
  }
}
