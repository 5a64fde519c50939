import type { ClaimEntry } from '../core/claims.js';
import type { AuditRecord, ClaimStore, DeriveInput, DerivedUpdate, MentionRecord, PlacedMentionRecord } from '../core/ledger-ports.js';
import type { LedgerEntry, LedgerFilter } from '../core/ledger.js';
import { placeMentions, type Placement, type PlacedMention } from './cluster.js';
import type { StanceLabel } from './cues.js';
import type { ExtractedMention } from './extract.js';
import { signatureKeys, type Signature } from './signature.js';
import { fullDate, shiftDay, sourceKeys } from './sources.js';
import { deriveEventStatus, deriveStatementStatus, statusMentionOf } from './status.js';

export type { LedgerEntry, LedgerFilter } from '../core/ledger.js';

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

const DAY_WINDOW = 10;
/** Mentions read per signature term (the latest dates first): a common term ("Ukraine") cannot make a lookup scan thousands. */
const PER_TERM = 200;
/** Candidates compared per mention: those sharing the most terms. */
const CANDIDATES = 60;
/** Parsed signatures kept across lookups (they never change for a mention id). */
const SIG_CACHE = 50_000;
const REMOVED = 'no document in the corpus states it any more';

/**
 * The claim ledger: mentions clustered into claims, derived statuses, moderator reviews (the latest
 * overrides the derived status) and an append-only audit log of every status change, over a
 * `ClaimStore`. Writes take the port of the caller's transaction (the document's own, at ingest);
 * reads go to the storage's port given at construction unless another is passed.
 */
export class ClaimLedger {
  constructor(private readonly claims: ClaimStore) {}

  private readonly sigs = new Map<string, { raw: string; sig: Signature }>();

  /**
   * The clustering lookup of one document's mentions, read before placing them (nothing is written
   * meanwhile): for each mention, the mentions of other documents dated lo..hi sharing its terms, at
   * most PER_TERM per term (latest first), then the CANDIDATES sharing the most terms, most first.
   */
  private async lookups(tx: ClaimStore, mentions: readonly ExtractedMention[], day: string, docId: string):
  Promise<(m: ExtractedMention) => PlacedMention[]> {
    const keysOf = new Map(mentions.filter((m) => m.sig.terms.length).map((m) => [m.id, [...new Set(signatureKeys(m.sig))]]));
    const keys = [...new Set([...keysOf.values()].flat())];
    if (keys.length === 0) return () => [];
    const terms = await tx.termMentions(keys, shiftDay(day, -DAY_WINDOW), shiftDay(day, DAY_WINDOW), PER_TERM);
    const candidates = new Map<string, string[]>();
    for (const [id, ks] of keysOf) {
      const counts = new Map<string, number>();
      for (const k of ks) for (const mid of terms.get(k) ?? []) counts.set(mid, (counts.get(mid) ?? 0) + 1);
      candidates.set(id, [...counts].sort((a, b) => b[1] - a[1]).slice(0, CANDIDATES).map(([mid]) => mid));
    }
    const ids = [...new Set([...candidates.values()].flat())];
    const rows = new Map((ids.length ? await tx.placedMentions(ids) : []).map((r) => [r.id, this.placed(r)]));
    return (m) => (candidates.get(m.id) ?? []).flatMap((id) => {
      const p = rows.get(id);
      return p && p.docId !== docId ? [p] : [];
    });
  }

  private placed(r: PlacedMentionRecord): PlacedMention {
    return { mentionId: r.id, claimId: r.claimId, docId: r.docId, sig: this.sigOf(r.id, r.sig), speakerId: r.speakerId,
      role: r.role, stance: r.stance as StanceLabel, aboutId: r.aboutId };
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
  async addDocument(tx: ClaimStore, doc: LedgerDoc, mentions: readonly ExtractedMention[]): Promise<void> {
    if (mentions.length === 0) return;
    const day = fullDate(doc.published);
    // Claims of nearby dates only. An undated (or year-only) document is not compared with other
    // documents: nothing says two undated texts speak of the same event, and comparing each one with
    // every earlier claim made every import slower than the last.
    const find = day ? await this.lookups(tx, mentions, day, doc.id) : () => [];
    const placements = placeMentions(mentions, find);
    const now = new Date().toISOString();
    await tx.addClaims(placements.filter((p) => p.isNew).map((p) => ({ id: p.claimId, kind: p.kind })), now);
    await tx.addMentions(placements.map((p) => mentionRecord(p, doc, day)));
    const touched = new Set(placements.flatMap((p) => (p.aboutId ? [p.claimId, p.aboutId] : [p.claimId])));
    await this.saveDerivations(tx, await tx.deriveInputs([...touched]), now);
  }

  /** Derives again the claims whose mentions changed (a removed document); drops claims left empty. */
  async refresh(tx: ClaimStore): Promise<number> {
    const stale = await tx.staleClaims();
    if (stale.length === 0) return 0;
    const now = new Date().toISOString();
    const inputs = await tx.deriveInputs(stale);
    await this.saveDerivations(tx, inputs.filter((c) => c.mentions.length > 0), now);
    const gone = inputs.filter((c) => c.mentions.length === 0);
    await tx.removeClaims(gone.map((c) => c.id));
    await tx.appendAudit(gone.map((c): AuditRecord => ({ claimId: c.id, at: now, actor: 'system', action: 'removed', oldStatus: c.status, detail: REMOVED })));
    return stale.length;
  }

  /** Derives claims' statuses from their mentions (a review still wins); logs each change in the audit log. */
  async derive(tx: ClaimStore, claimIds: readonly string[], now = new Date().toISOString()): Promise<void> {
    await this.saveDerivations(tx, await tx.deriveInputs(claimIds), now);
  }

  private async saveDerivations(tx: ClaimStore, inputs: readonly DeriveInput[], now: string): Promise<void> {
    const updates: DerivedUpdate[] = [];
    const lines: AuditRecord[] = [];
    for (const c of inputs) {
      const ms = c.mentions.map(statusMentionOf);
      const d = c.kind === 'event' ? deriveEventStatus(ms) : deriveStatementStatus(ms);
      updates.push({ id: c.id, status: c.reviewStatus ?? d.status, derivedStatus: d.status, reason: d.reason, at: now });
      if (d.status !== c.derivedStatus || c.reason === '') {
        lines.push({ claimId: c.id, at: now, actor: 'system', action: 'derived', ...(c.reason !== '' && { oldStatus: c.derivedStatus }),
          newStatus: d.status, detail: d.reason });
      }
    }
    if (updates.length) await tx.saveDerived(updates);
    if (lines.length) await tx.appendAudit(lines);
  }

  /** Ledger entries in reading order (documents by date added, then by position). */
  list(f: LedgerFilter = {}, from: ClaimStore = this.claims): Promise<LedgerEntry[]> {
    return from.entries(f);
  }

  /** One entry by its id, or the first entry of a claim by the claim's id. */
  get(id: string, from: ClaimStore = this.claims): Promise<LedgerEntry | undefined> {
    return from.entry(id);
  }

  /** Entries whose text lies inside (or overlaps) `start..end` of a document. */
  inSpan(docId: string, start: number, end: number): Promise<LedgerEntry[]> {
    return this.claims.inSpan(docId, start, end);
  }

  /** The entries of several spans in one read, in the order of `spans`. */
  inSpans(spans: readonly { docId: string; start: number; end: number }[]): Promise<LedgerEntry[][]> {
    return this.claims.inSpans(spans);
  }

  /** Number of ledger entries. */
  count(): Promise<number> {
    return this.claims.count();
  }

  /** The latest review of a claim (it overrides the derived status). */
  latestReview(claimId: string): Promise<ClaimEntry['review']> {
    return this.claims.latestReview(claimId);
  }
}

/** A placed mention as the store keeps it. */
function mentionRecord({ mention: m, claimId, aboutId }: Placement, doc: LedgerDoc, day: string | undefined): MentionRecord {
  return {
    id: m.id, claimId, aboutId, docId: doc.id, start: m.start, end: m.end, text: m.text, speakerId: m.speaker?.id,
    speakerName: m.speaker?.name, sourceText: m.sourceText, coSpeakers: m.coSpeakers.map((a) => a.id), cue: m.cue, stance: m.stance,
    cameo: m.cameo, also: m.also, certainty: m.certainty, hedges: m.hedges, role: m.role, via: m.via, factive: !!m.factive,
    sources: sourceKeys(m, doc), published: day, sig: JSON.stringify(m.sig), speakerLabel: m.speakerName, speakerKind: m.speakerKind,
    terms: signatureKeys(m.sig),
  };
}
