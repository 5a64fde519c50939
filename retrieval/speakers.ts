/** The speaker of one sentence inside a chunk, as stored with the chunk. */
export interface SentenceSpeaker {
  start: number;
  end: number;
  actor?: string;
  cue?: string;
  via: 'explicit' | 'coreference' | 'document' | 'none';
  /** The speaker as named ("Sergey Lavrov"), when it is not the actor itself. */
  name?: string;
}

/** Serialises sentence speakers for the store (compact JSON). */
export function encodeSpeakers(s: readonly SentenceSpeaker[]): string {
  return JSON.stringify(s.map((x) => (x.name ? [x.start, x.end, x.actor ?? null, x.cue ?? null, x.via, x.name] : [x.start, x.end, x.actor ?? null, x.cue ?? null, x.via])));
}

/** Reads sentence speakers back; a missing or damaged value gives no speakers. */
export function decodeSpeakers(raw: string | undefined | null): SentenceSpeaker[] {
  if (!raw) return [];
  try {
    const rows = JSON.parse(raw) as [number, number, string | null, string | null, SentenceSpeaker['via'], string?][];
    return rows.map(([start, end, actor, cue, via, name]) => ({ start, end, actor: actor ?? undefined, cue: cue ?? undefined, via, ...(name && { name }) }));
  } catch {
    return [];
  }
}
