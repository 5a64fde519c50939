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
  /** `node dist/cli/ask.js` on this store, spawn to exit (without npm's own start-up). */
  askCliMs: number;
  answerP50Ms: number;
  answerP99Ms: number;
  retrievalP50Ms: number;
  retrievalP99Ms: number;
  floorP50Ms: number;
  memoryStoreP50Ms: number | null;
  /** ANN recall@10 against exact search: the very same ids. */
  recallAt10Strict: number;
  rssMB: number;
  diskBytesPerChunk: number;
  /** ANN recall@10 counting a returned passage whose exact score ties the 10th as right (copies of one passage). */
  recallAt10TieTolerant: number;
  /** Ingest end to end (estimated parse share + importBatches + saveIndex), milliseconds. */
  ingestMs: number;
  /** importBatches chunks/s in each tenth of the size. */
  ingestCurve: number[];
  [extra: string]: number | number[] | null;
}

/** When, where and from what a result was measured. */
export interface RunInfo {
  /** ISO date and time of the start. */
  date: string;
  /** `git rev-parse --short HEAD`, with `+dirty` when the tree had changes; 'unknown' outside git. */
  commit: string;
  /** The command line that produced the result. */
  command: string;
  /** os.loadavg() (1, 5, 15 min) at the start and at the end: other work on the machine slows every figure. */
  loadAverageStart: number[];
  loadAverageEnd: number[];
}

/** The whole report printed by `--json`. */
export interface BenchResult {
  run: RunInfo;
  machine: { cores: number; memoryGB: number; cpu: string; node: string };
  sizes: SizeResult[];
  /**
   * The ask CLI on the bundled corpus once its index exists: `npm run ask` as a user types it (through
   * npm) and `node dist/cli/ask.js` alone, both spawn to exit, medians.
   */
  bundledAsk: { firstMs: number; askMs: number; npmAskMs: number } | null;
  /** Reading and parsing the JSONL files of the evaluation folder once. */
  corpus: { documents: number; chunks: number; parseMs: number };
  totalMs: number;
}
