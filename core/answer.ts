/** How much a claim can be trusted, derived from its sources or set by a moderator's review. */
export type ClaimStatus = 'verified' | 'refuted' | 'disputed' | 'unverified' | 'corroborated' | 'reported';

/** One numbered source passage; `quote` is exactly `document.text.slice(start, end)`. */
export interface Citation {
  n: number;
  docId: string;
  title: string;
  url?: string;
  publisher?: string;
  published?: string;
  quote: string;
  start: number;
  end: number;
}

/** A claim the answer touches, with who makes it and how far it is confirmed. */
export interface AnswerClaim {
  id: string;
  text: string;
  /** Who spoke, as named: "Sergey Lavrov", "a senior European diplomat". */
  speaker?: string;
  /** Whom the speaker speaks for, when the text supports it: "Russia". */
  actor?: string;
  speakerKind?: 'person' | 'organisation' | 'state' | 'unnamed' | 'outlet';
  stance?: string;
  status: ClaimStatus;
  citations: number[];
  note?: string;
}

/** The single result type of `answer()`, rendered by the CLI and by the Discord bot. */
export interface Answer {
  question: string;
  answer: string;
  citations: Citation[];
  claims: AnswerClaim[];
  abstained: boolean;
  mode: 'extractive' | 'llm';
  timings: Record<string, number>;
  /** The language the answer's fixed texts are in (quotes keep their own). */
  locale?: string;
}
