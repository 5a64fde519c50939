import type { ClaimStatus } from '../core/answer.js';
import type { ClaimEntry } from '../core/claims.js';
import type { Store } from '../storage/sqlite/store.js';
import { placeMentions, type PlacedMention } from './cluster.js';
import type { ExtractedMention } from './extract.js';
import { signatureKeys, type Signature } from './signature.js';
import { fullDate, shiftDay, sourceKeys } from './sources.js';
import { deriveEventStatus, deriveStatementStatus, statusMentionOf, type StatusRow } from './status.js';

/** A ledger entry with everything the ledger knows about it (a superset of the app's `ClaimEntry`). */
export interface LedgerEntry extends ClaimEntry {
  /** The claim (cluster) this statement belongs to; reviews apply to the whole claim. */
  claimId: string;
  kind: 'event' | 'statement';
  role: 'assertion' | 'denial' | 'reaction';
  cue?: string;
  cameo: string;
  certainty: string;
  hedges: string[];
  speakerId?: string;
  /** An unnamed source ("diplomats") or a person no actor is known for, when no actor speaks. */
  source?: string;
  /** The actor's name (the state or body the speaker speaks for), when the text supports one. */
  actor?: string;
  speakerKind?: string;
  also: string[];
  via: string;
  /** Why the claim has its derived status. */
  reason: string;
  derivedStatus: ClaimStatus;
  /** The event claim a reaction is about ("the attack" Pakistan condemned), with its status. */
  about?: { id: string; status: ClaimStatus };
  title?: string;
  url?: string;
  publisher?: string;
  published?: string;
}

/** What the ledger needs to know about the document a mention comes from. */
export interface LedgerDoc {
  id: string;
  kind: string;
  published?: string;
  publisher?: string;
  url?: string;
  sources?: { outlet: string; url?: string }[];
  speakerId?: string;
}

/** Ledger filters (actor already resolved to an id where possible). */
export interface LedgerFilter {
  actorId?: string;
  actorText?: string;
  status?: ClaimStatus;
  docId?: string;
  claimId?: string;
  limit?: number;
}

/** What the lookups of one document's mentions have read: term -> mention ids, mention id -> mention. */
interface LookupCache { terms: Map<string, string[]>; rows: Map<string, PlacedMention> }

type MentionRow = {
  id: string; claim_id: string; about_id: string | null; doc_id: string; start: number; end: number; text: string;
  speaker_id: string | null; speaker_name: string | null; source_text: string | null; speaker_label: string | null; speaker_kind: string | null; cue: string | null; stance: string;
  cameo: string; also: string | null; certainty: string; hedges: string | null; role: LedgerEntry['role']; via: string;
  kind: LedgerEntry['kind']; status: ClaimStatus; derived_status: ClaimStatus; reason: string; about_status: ClaimStatus | null;
  title: string | null; url: string | null; publisher: string | null; published: string | null;
};

const DAY_WINDOW = 10;
/** Mentions read per signature term (the latest dates first): a common term ("Ukraine") cannot make a lookup scan thousands. */
const PER_TERM = 200;
/** Candidates compared per mention: those sharing the most terms. */
const CANDIDATES = 60;
/** Parsed signatures kept across lookups (they never change for a mention id). */
const SIG_CACHE = 50_000;
const SELECT = `SELECT m.*, c.kind, c.status, c.derived_status, c.reason, a.status AS about_status,
  d.title, d.url, d.publisher, d.published FROM claim_mentions m JOIN claims c ON c.id = m.claim_id
  LEFT JOIN claims a ON a.id = m.about_id JOIN documents d ON d.id = m.doc_id`;

/**
 * The claim ledger in the SQLite store: mentions clustered into claims, derived statuses, moderator
 * reviews (the latest overrides the derived status) and an append-only audit log of every status change.
 * Writes happen inside the caller's transaction (the document's own, at ingest).
 */
export class ClaimLedger {
  constructor(private readonly store: Store) {}

  private readonly sigs = new Map<string, { raw: string; sig: Signature }>();

  /**
   * Mentions of other documents dated lo..hi sharing terms with `keys`, the ones sharing most first: at
   * most PER_TERM per term (latest first), then the CANDIDATES with the most terms in common. `seen`
   * holds what earlier mentions of the same document already read (they share most of their terms).
   */
  private nearbyMentions(keys: string[], lo: string, hi: string, docId: string, seen: LookupCache): PlacedMention[] {
    const perTerm = this.store.sql(`SELECT mention_id FROM claim_terms WHERE key = ? AND day BETWEEN ? AND ? ORDER BY day DESC LIMIT ${PER_TERM}`).pluck();
    const counts = new Map<string, number>();
    for (const k of new Set(keys)) {
      let ids = seen.terms.get(k);
      if (!ids) seen.terms.set(k, ids = perTerm.all(k, lo, hi) as string[]);
      for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    }
    if (counts.size === 0) return [];
    const ids = [...counts].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES).map(([id]) => id);
    const missing = ids.filter((id) => !seen.rows.has(id));
    if (missing.length) {
      const rows = this.store.sql(`SELECT id, claim_id, doc_id, sig, speaker_id, role, stance, about_id FROM claim_mentions
        WHERE id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(missing)) as
        { id: string; claim_id: string; doc_id: string; sig: string; speaker_id: string | null; role: PlacedMention['role']; stance: PlacedMention['stance']; about_id: string | null }[];
      for (const r of rows) {
        seen.rows.set(r.id, { mentionId: r.id, claimId: r.claim_id, docId: r.doc_id, sig: this.sigOf(r.id, r.sig), speakerId: r.speaker_id ?? undefined,
          role: r.role, stance: r.stance, aboutId: r.about_id ?? undefined });
      }
    }
    return ids.flatMap((id) => {
      const p = seen.rows.get(id);
      return p && p.docId !== docId ? [p] : [];
    });
  }

  private sigOf(id: string, raw: string): Signature {
    const hit = this.sigs.get(id);
    if (hit?.raw === raw) return hit.sig;
    if (this.sigs.size >= SIG_CACHE) this.sigs.clear();
    const sig = JSON.parse(raw) as Signature;
    this.sigs.set(id, { raw, sig });
    return sig;
  }

  /** Stores the mentions of one document, clusters them and derives the statuses of the claims they touch. */
  addDocument(doc: LedgerDoc, mentions: readonly ExtractedMention[]): void {
    if (mentions.length === 0) return;
    const db = this.store.db;
    const day = fullDate(doc.published);
    // Claims of nearby dates only. An undated (or year-only) document is not compared with other
    // documents: nothing says two undated texts speak of the same event, and comparing each one with
    // every earlier claim made every import slower than the last.
    const [lo, hi] = day ? [shiftDay(day, -DAY_WINDOW), shiftDay(day, DAY_WINDOW)] : ['', ''];
    const seen: LookupCache = { terms: new Map(), rows: new Map() };
    const placements = placeMentions(mentions, (m) => (day ? this.nearbyMentions(signatureKeys(m.sig), lo, hi, doc.id, seen) : []));
    const now = new Date().toISOString();
    const newClaim = this.store.sql(`INSERT OR IGNORE INTO claims (id, kind, status, derived_status, reason, created_at, updated_at)
      VALUES (?, ?, 'unverified', 'unverified', '', ?, ?)`);
    for (const p of placements) if (p.isNew) newClaim.run(p.claimId, p.kind, now, now);
    const ins = this.store.sql(`INSERT OR IGNORE INTO claim_mentions (id, claim_id, about_id, doc_id, start, "end", text, speaker_id, speaker_name,
      source_text, co_speakers, cue, stance, cameo, also, certainty, hedges, role, via, factive, sources, published, sig, speaker_label, speaker_kind)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const term = this.store.sql('INSERT OR IGNORE INTO claim_terms (key, day, mention_id) VALUES (?, ?, ?)');
    for (const { mention: m, claimId, aboutId } of placements) {
      ins.run(m.id, claimId, aboutId ?? null, doc.id, m.start, m.end, m.text, m.speaker?.id ?? null, m.speaker?.name ?? null,
        m.sourceText ?? null, m.coSpeakers.length ? JSON.stringify(m.coSpeakers.map((a) => a.id)) : null, m.cue ?? null, m.stance,
        m.cameo, m.also.length ? JSON.stringify(m.also) : null, m.certainty, m.hedges.length ? JSON.stringify(m.hedges) : null,
        m.role, m.via, m.factive ? 1 : 0, JSON.stringify(sourceKeys(m, doc)), day ?? null, JSON.stringify(m.sig),
        m.speakerName ?? null, m.speakerKind ?? null);
      for (const k of signatureKeys(m.sig)) term.run(k, day ?? '', m.id);
    }
    const touched = new Set(placements.flatMap((p) => (p.aboutId ? [p.claimId, p.aboutId] : [p.claimId])));
    for (const id of touched) this.derive(id, now);
  }

  /** Derives again the claims whose mentions changed (a removed document); drops claims left empty. */
  refresh(): number {
    const db = this.store.db;
    const stale = this.store.sql('SELECT id FROM claims WHERE stale = 1').pluck().all() as string[];
    const now = new Date().toISOString();
    for (const id of stale) {
      const n = this.store.sql('SELECT count(*) FROM claim_mentions WHERE claim_id = ?').pluck().get(id) as number;
      if (n > 0) {
        this.derive(id, now);
        continue;
      }
      const old = this.store.sql('SELECT status FROM claims WHERE id = ?').pluck().get(id) as string;
      this.store.sql('DELETE FROM claims WHERE id = ?').run(id);
      audit(this.store, id, now, 'system', 'removed', old, null, 'no document in the corpus states it any more');
    }
    return stale.length;
  }

  /** Ledger entries in reading order (documents by date added, then by position). */
  list(f: LedgerFilter = {}): LedgerEntry[] {
    const where: string[] = [];
    const args: unknown[] = [];
    if (f.actorId || f.actorText) {
      where.push('(m.speaker_id = ? OR m.speaker_name LIKE ? OR m.source_text LIKE ? OR m.co_speakers LIKE ? OR m.speaker_label LIKE ?)');
      args.push(f.actorId ?? '', f.actorText ?? f.actorId ?? '', f.actorText ?? '\u0000', `%"${f.actorId ?? '\u0000'}"%`,
        f.actorText ? `%${f.actorText.replace(/[%_]/g, '')}%` : '\u0000');
    }
    if (f.status) { where.push('c.status = ?'); args.push(f.status); }
    if (f.docId) { where.push('m.doc_id = ?'); args.push(f.docId); }
    if (f.claimId) { where.push('m.claim_id = ?'); args.push(f.claimId); }
    const sql = `${SELECT} ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY d.added_at, d.id, m.start LIMIT ?`;
    return (this.store.sql(sql).all(...args, f.limit ?? -1) as MentionRow[]).map((r) => toEntry(r, this.latestReview(r.claim_id)));
  }

  /** One entry by its id, or the first entry of a claim by the claim's id. */
  get(id: string): LedgerEntry | undefined {
    const r = this.store.sql(`${SELECT} WHERE m.id = ?`).get(id) as MentionRow | undefined
      ?? this.store.sql(`${SELECT} WHERE m.claim_id = ? ORDER BY m.start LIMIT 1`).get(id) as MentionRow | undefined;
    return r && toEntry(r, this.latestReview(r.claim_id));
  }

  /** Entries whose text lies inside (or overlaps) `start..end` of a document. */
  inSpan(docId: string, start: number, end: number): LedgerEntry[] {
    const rows = this.store.sql(`${SELECT} WHERE m.doc_id = ? AND m.start < ? AND m."end" > ? ORDER BY m.start`)
      .all(docId, end, start) as MentionRow[];
    return rows.map((r) => toEntry(r, this.latestReview(r.claim_id)));
  }

  /** Number of ledger entries. */
  count(): number {
    return this.store.sql('SELECT count(*) FROM claim_mentions').pluck().get() as number;
  }

  /** The latest review of a claim (it overrides the derived status). */
  latestReview(claimId: string): ClaimEntry['review'] {
    const r = this.store.sql('SELECT status, note, evidence, reviewer, at FROM claim_reviews WHERE claim_id = ? ORDER BY id DESC LIMIT 1')
      .get(claimId) as { status: ClaimStatus; note: string; evidence: string | null; reviewer: string; at: string } | undefined;
    return r && { status: r.status, note: r.note, evidence: r.evidence ?? undefined, reviewer: r.reviewer, at: r.at };
  }

  /** Derives a claim's status from its mentions; a review still wins. Logs a change in the audit log. */
  derive(claimId: string, now = new Date().toISOString()): void {
    const db = this.store.db;
    const claim = this.store.sql('SELECT kind, status, derived_status, reason FROM claims WHERE id = ?').get(claimId) as
      { kind: 'event' | 'statement'; status: ClaimStatus; derived_status: ClaimStatus; reason: string } | undefined;
    if (!claim) return;
    const ms = (this.store.sql('SELECT role, certainty, speaker_id, speaker_name, source_text, sources, text, factive FROM claim_mentions WHERE claim_id = ?')
      .all(claimId) as StatusRow[]).map(statusMentionOf);
    const d = claim.kind === 'event' ? deriveEventStatus(ms) : deriveStatementStatus(ms);
    const status = this.latestReview(claimId)?.status ?? d.status;
    this.store.sql('UPDATE claims SET status = ?, derived_status = ?, reason = ?, stale = 0, updated_at = ? WHERE id = ?')
      .run(status, d.status, d.reason, now, claimId);
    if (d.status !== claim.derived_status || claim.reason === '') {
      audit(this.store, claimId, now, 'system', 'derived', claim.reason === '' ? null : claim.derived_status, d.status, d.reason);
    }
  }
}

/** Appends a line to the audit log. */
export function audit(store: Store, claimId: string, at: string, actor: string, action: 'derived' | 'review' | 'removed',
  oldStatus: string | null, newStatus: string | null, detail: string): void {
  store.sql('INSERT INTO claim_audit (claim_id, at, actor, action, old_status, new_status, detail) VALUES (?, ?, ?, ?, ?, ?, ?)')
    .run(claimId, at, actor, action, oldStatus, newStatus, detail);
}

function toEntry(r: MentionRow, review: ClaimEntry['review']): LedgerEntry {
  const json = (s: string | null) => (s ? (JSON.parse(s) as string[]) : []);
  return {
    id: r.id, claimId: r.claim_id, text: r.text, speaker: r.speaker_label ?? r.speaker_name ?? r.source_text ?? undefined,
    actor: r.speaker_name ?? undefined, speakerKind: r.speaker_kind ?? (r.speaker_id ? undefined : r.source_text ? 'unnamed' : 'outlet'), speakerId: r.speaker_id ?? undefined,
    source: r.source_text ?? undefined, stance: r.stance, cameo: r.cameo, status: r.status, derivedStatus: r.derived_status,
    reason: r.reason, docId: r.doc_id, start: r.start, end: r.end, kind: r.kind, role: r.role, cue: r.cue ?? undefined,
    certainty: r.certainty, hedges: json(r.hedges), also: json(r.also), via: r.via, review,
    about: r.about_id && r.about_status ? { id: r.about_id, status: r.about_status } : undefined,
    title: r.title ?? undefined, url: r.url ?? undefined, publisher: r.publisher ?? undefined, published: r.published ?? undefined,
  };
}
