/** What kind of text a document is; it decides how its sentences are attributed. */
export type DocumentKind = 'news report' | 'official statement' | 'transcript' | 'encyclopedia item' | 'other';

export const DOCUMENT_KINDS: readonly DocumentKind[] = [
  'news report', 'official statement', 'transcript', 'encyclopedia item', 'other',
];

/** Metadata of a document, as given in front matter, options or an import record. */
export interface DocumentMeta {
  id?: string;
  title?: string;
  publisher?: string;
  url?: string;
  published?: string;
  kind?: DocumentKind;
  language?: string;
  /** Who speaks in the whole document (a UN speech's country, a ministry's statement). */
  speaker?: string;
  licence?: string;
  /** Independent outlets that reported the item (Wikipedia Current events sources). */
  sources?: { outlet: string; url?: string }[];
}

/** A loaded document before it is stored: clean text plus metadata. */
export interface DocumentInput {
  meta: DocumentMeta;
  text: string;
  /** Where it came from (a path or URL), for messages only. */
  origin: string;
}

/** A stored document. */
export interface StoredDocument {
  id: string;
  title: string;
  publisher?: string;
  url?: string;
  published?: string;
  kind: DocumentKind;
  language: string;
  speaker?: string;
  licence?: string;
  sources?: { outlet: string; url?: string }[];
  contentHash: string;
  text: string;
  addedAt: string;
}

/** A passage of a document: whole sentences, with offsets into the document text. */
export interface Chunk {
  id: number;
  docId: string;
  ord: number;
  start: number;
  end: number;
  text: string;
}

/** A chunk ready to store, with its vector. */
export interface NewChunk {
  ord: number;
  start: number;
  end: number;
  text: string;
  vec: Float32Array;
  /** Sentence attributions inside the chunk (JSON of `SentenceSpeaker[]`). */
  attrib?: string;
}

/** A chunk joined with the metadata of its document, as retrieval returns it. */
export interface ChunkWithDoc extends Chunk {
  title: string;
  publisher?: string;
  url?: string;
  published?: string;
  kind: DocumentKind;
  speaker?: string;
  /** The actor id the document's speaker resolved to (a UN speech's country). */
  speakerId?: string;
  attrib?: string;
}
