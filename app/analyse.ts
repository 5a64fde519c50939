import type { Gazetteer } from '../claims/actors.js';
import { attributeSentences, type Attribution } from '../claims/attribution.js';
import type { ExtractedMention } from '../claims/extract.js';
import { documentClaims } from '../claims/pipeline.js';
import { chunkText } from '../corpus/chunker.js';
import type { PreparedDocument } from '../corpus/prepare.js';
import { encodeSpeakers, type SentenceSpeaker } from '../retrieval/speakers.js';

/** A prepared document's chunks with their sentence speakers, its rule-based claims and, when asked, its vectors. */
export interface Analysis {
  chunks: { ord: number; start: number; end: number; text: string; attrib: string; vec?: Float32Array }[];
  claims: ExtractedMention[];
  /** Only when asked for (an LLM claim extractor needs them). */
  attributions?: Attribution[];
}

/**
 * What a passage is embedded as: its document's title, then its text (ingest and reindex alike). The
 * title says what a short item is about ("Russo-Ukrainian war (2025-12-22)").
 */
export function passageText(title: string, text: string): string {
  return `${title}\n${text}`;
}

/**
 * The CPU-only part of adding a document: chunk it, attribute every sentence to its speaker, extract the claims
 * by rule, and embed the passages when a synchronous embedder is given. Pure: runs in the import
 * worker or inline, with the same result.
 */
export function analyseDocument(prepared: PreparedDocument, gazetteer: Gazetteer,
  opts: { embed?: (text: string) => Float32Array; attributions?: boolean } = {}): Analysis {
  const { doc } = prepared;
  const chunks = chunkText(doc.text);
  const docSpeaker = doc.speaker ? gazetteer.resolve(doc.speaker) : undefined;
  const attributions = attributeSentences(doc.text, chunks.flatMap((c) => c.sentences), gazetteer, docSpeaker, doc.language);
  let k = 0;
  const out = chunks.map((c, ord) => {
    const speakers: SentenceSpeaker[] = c.sentences.map(() => {
      const a = attributions[k++]!;
      const name = a.speakerName && a.speakerName !== a.speaker?.name ? a.speakerName : undefined;
      return { start: a.start, end: a.end, actor: a.speaker?.id, cue: a.cue, via: a.via, ...(name && { name }) };
    });
    const text = doc.text.slice(c.start, c.end);
    return { ord, start: c.start, end: c.end, text, attrib: encodeSpeakers(speakers), ...(opts.embed && { vec: opts.embed(passageText(doc.title, text)) }) };
  });
  return { chunks: out, claims: documentClaims(doc.id, doc.text, attributions), ...(opts.attributions && { attributions }) };
}
