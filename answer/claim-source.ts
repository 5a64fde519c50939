import type { LedgerEntry, LedgerFilter } from '../core/ledger.js';

/**
 * What the claim composers read from the ledger. Every read may be a round trip (the ledger in
 * PostgreSQL), so the composers gather independent reads and read through {@link memoClaimSource}.
 */
export interface ClaimSource {
  inSpan(docId: string, start: number, end: number): Promise<LedgerEntry[]>;
  list(f: LedgerFilter): Promise<LedgerEntry[]>;
  /** Several spans in one read, in order (optional: without it, spans are read one by one). */
  inSpans?(spans: readonly Span[]): Promise<LedgerEntry[][]>;
}

type Span = { docId: string; start: number; end: number };

/**
 * The source with each distinct read done once: one answer asks for a claim's members or a span's
 * entries from several places. Meant for one answer (the ledger may change between answers). A read
 * that fails is forgotten, so a later ask reads again. Spans asked in the same turn (the composers ask
 * for every passage's entries at once) are read together when the source can.
 */
export function memoClaimSource(source: ClaimSource): ClaimSource {
  const spanRead = batchedSpans(source);
  const reads = new Map<string, Promise<LedgerEntry[]>>();
  const once = (key: string, read: () => Promise<LedgerEntry[]>) => {
    let p = reads.get(key);
    if (!p) {
      reads.set(key, p = read());
      p.catch(() => reads.delete(key));
    }
    // A copy each time: one caller's sorting cannot change what another reads.
    return p.then((entries) => entries.slice());
  };
  return {
    inSpan: (docId, start, end) => once(JSON.stringify(['span', docId, start, end]), () => spanRead({ docId, start, end })),
    list: (f) => once(JSON.stringify(['list', filterKey(f)]), () => source.list(f)),
  };
}

/** The filter's set fields in a fixed order, so that `{ claimId, limit }` and `{ limit, claimId }` read once. */
function filterKey(f: LedgerFilter): [string, unknown][] {
  return Object.entries(f).filter(([, v]) => v !== undefined).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
}

/** Reads spans through `inSpans`, one read for all the spans asked before the current turn ends. */
function batchedSpans(source: ClaimSource): (span: Span) => Promise<LedgerEntry[]> {
  if (!source.inSpans) return (s) => source.inSpan(s.docId, s.start, s.end);
  let queue: { span: Span; resolve: (e: LedgerEntry[]) => void; reject: (err: unknown) => void }[] | undefined;
  const flush = () => {
    const batch = queue!;
    queue = undefined;
    source.inSpans!(batch.map((b) => b.span)).then(
      (rows) => batch.forEach((b, i) => b.resolve(rows[i] ?? [])),
      (err: unknown) => batch.forEach((b) => b.reject(err)),
    );
  };
  return (span) => new Promise((resolve, reject) => {
    if (!queue) {
      queue = [];
      queueMicrotask(flush);
    }
    queue.push({ span, resolve, reject });
  });
}
