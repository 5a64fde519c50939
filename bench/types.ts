/** One question of `bench/questions.json`. */
export interface BenchQuestion {
  kind: 'statement' | 'who' | 'topic' | 'verify' | 'abstain';
  q: string;
}

/** How much to measure at each size. */
export interface BenchPlan {
  questions: BenchQuestion[];
  /** Timed passes over the questions (after one warm-up pass). */
  answerRounds: number;
  /** Query vectors for recall@10 (the questions, then passages' word windows). */
  recallQueries: number;
  memoryStoreQueries: number;
  /** Above this many chunks LangChain's MemoryVectorStore is not built (its number[][] would not fit the heap). */
  memoryStoreMaxChunks: number;
  startupRuns: number;
  askRuns: number;
  /** Keep each size's data folder (for profiling) instead of deleting it. */
  keep: boolean;
}

/** The measurements at one size; other tools read the first fifteen names. */
export interface SizeResult {
  chunks: number;
  ingestChunksPerS: number;
  ingestDocsPerS: number;
  indexBuildMs: number;
  startupMs: number;
  askCliMs: number;
  answerP50Ms: number;
  answerP99Ms: number;
  retrievalP50Ms: number;
  retrievalP99Ms: number;
  floorP50Ms: number;
  memoryStoreP50Ms: number | null;
  recallAt10: number;
  rssMB: number;
  diskBytesPerChunk: number;
  /** Ingest end to end (parse share + importDocuments + saveIndex), milliseconds. */
  ingestMs: number;
  /** importDocuments chunks/s in each tenth of the size. */
  ingestCurve: number[];
  [extra: string]: number | number[] | null;
}

/** The whole report printed by `--json`. */
export interface BenchResult {
  machine: { cores: number; memoryGB: number; cpu: string; node: string };
  sizes: SizeResult[];
  /** `npm run ask` on the bundled corpus once its index exists. */
  bundledAsk: { firstMs: number; askMs: number; npmAskMs: number | null } | null;
  /** Reading and parsing the JSONL files of the evaluation folder once. */
  corpus: { documents: number; chunks: number; parseMs: number };
  totalMs: number;
}
