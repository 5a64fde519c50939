import { norm, type Actor, type ActorMention, type Gazetteer } from './actors.js';

// Words of a title between a country and a person's name ("Russian Foreign Minister Sergey Lavrov").
const TITLE = new Set(('president vice prime minister foreign defence defense interior information finance deputy ' +
  'secretary state general lieutenant major colonel spokesperson spokesman spokeswoman ambassador envoy chancellor king ' +
  'queen emir crown prince premier chief director commander head leader governor mayor senator speaker press official ' +
  'advisor adviser national security affairs of for the representative permanent special army navy military intelligence ' +
  'justice trade economy energy health education opposition party chairman chairwoman chair councillor counsellor ' +
  'attorney judge sheikh supreme ayatollah pope cardinal archbishop bishop former acting first central agency service ' +
  'council ministry department office bank economic federal high commissioner marshal admiral').split(' '));
const TITLE_HEAD = /^(president|minister|secretary|spokesperson|spokesman|spokeswoman|ambassador|envoy|chancellor|king|queen|emir|prince|premier|chief|director|commander|head|leader|governor|mayor|senator|speaker|official|advisor|adviser|representative|general|chairman|chairwoman|chair|judge|attorney|ayatollah|pope|commissioner|marshal|admiral|colonel|major)$/i;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’-]+|\p{Lu}\.|bin|al-\p{L}+|de|van|von|der|la|le|ibn|el-\p{L}+)$/u;
const MAX_TITLE_WORDS = 6;

/**
 * The actor mentions of one document: the gazetteer's, plus persons the document itself ties to an
 * actor. "Pakistani Information Minister Attaullah Tarar" links "Attaullah Tarar" and "Tarar" to
 * Pakistan for the rest of the document; so does the apposition "Tarar, the Pakistani information minister,".
 * Call {@link find} on the sentences in reading order.
 */
export class DocumentMentions {
  private readonly learned = new Map<string, Actor>();

  constructor(private readonly gazetteer: Gazetteer) {}

  /** Mentions in `sentence`, learning new person links from it first. */
  find(sentence: string): ActorMention[] {
    const base = this.gazetteer.find(sentence);
    this.learn(sentence, base);
    if (this.learned.size === 0) return base;
    const extra: ActorMention[] = [];
    for (const w of nameRuns(sentence)) {
      const actor = this.lookupRun(sentence, w);
      if (actor && !base.some((m) => actor.start < m.end && m.start < actor.end)) extra.push({ actor: actor.actor, start: actor.start, end: actor.end, surface: sentence.slice(actor.start, actor.end), via: 'person' });
    }
    return [...base, ...extra].sort((a, b) => a.start - b.start);
  }

  /** The person names this document has linked so far (normalised name -> actor id). */
  links(): Record<string, string> {
    return Object.fromEntries([...this.learned].map(([k, a]) => [k, a.id]));
  }

  private lookupRun(s: string, run: { start: number; end: number; words: { start: number; end: number }[] }) {
    // The longest known sub-run: "Tarar" inside "Minister Attaullah Tarar".
    for (let n = run.words.length; n >= 1; n--) {
      for (let i = 0; i + n <= run.words.length; i++) {
        const start = run.words[i]!.start;
        const end = run.words[i + n - 1]!.end;
        const actor = this.learned.get(norm(s.slice(start, end)));
        if (actor) return { actor, start, end };
      }
    }
    return undefined;
  }

  private learn(s: string, mentions: ActorMention[]): void {
    for (const m of mentions) {
      if (m.via === 'person') continue;
      // Country + title + Name: "Russian Foreign Minister Sergey Lavrov", "Ukraine's foreign minister, Andrii Sybiha".
      const words = [...s.slice(m.end).replace(/^['’]s/u, '  ').matchAll(/[\p{L}][\p{L}'’.-]*|,/gu)].slice(0, 12);
      let i = 0;
      let head = false;
      while (i < words.length && i < MAX_TITLE_WORDS && TITLE.has(words[i]![0].toLowerCase())) {
        if (TITLE_HEAD.test(words[i]![0])) head = true;
        i++;
      }
      if (head && words[i]?.[0] === ',') i++;
      const name: string[] = [];
      let at = -1;
      while (head && i < words.length && name.length < 4 && NAME_WORD.test(words[i]![0].replace(/['’.]$/u, ''))) {
        if (at < 0) at = m.end + words[i]!.index;
        name.push(words[i]![0].replace(/['’]s$|['’.]$/u, ''));
        i++;
      }
      if (name.length) this.add(name.join(' '), m.actor, mentions, at);
      // Name, the + country + title: "Sergey Lavrov, the Russian foreign minister".
      const before = /(\p{Lu}[\p{L}'’.-]*(?:\s+\p{Lu}[\p{L}'’.-]*){0,3}),\s+(?:the\s+)?$/u.exec(s.slice(0, m.start));
      const title = /^(?:['’]s)?\s+((?:[\p{L}.-]+\s*){1,4})/u.exec(s.slice(m.end));
      if (before && title && title[1]!.trim().split(/\s+/).some((x) => TITLE_HEAD.test(x.replace(/[,.]$/, '')))) {
        this.add(before[1]!, m.actor, mentions, before.index);
      }
    }
  }

  private add(name: string, actor: Actor, mentions: ActorMention[], at: number): void {
    const words = name.split(/\s+/).filter((x) => NAME_WORD.test(x));
    if (words.length < 1 || words.length > 4 || (words.length === 1 && words[0]!.length < 3)) return;
    if (mentions.some((x) => x.start <= at && at < x.end)) return;
    if (words.some((x) => this.gazetteer.resolve(x) && !this.learned.has(norm(x)))) return;
    const full = norm(words.join(' '));
    if (!this.learned.has(full)) this.learned.set(full, actor);
    const surname = words.at(-1)!;
    if (surname.length >= 3 && !this.learned.has(norm(surname))) this.learned.set(norm(surname), actor);
  }
}

/** Runs of capitalised words ("Attaullah Tarar", "The Ministry"). */
function nameRuns(s: string): { start: number; end: number; words: { start: number; end: number }[] }[] {
  const out: { start: number; end: number; words: { start: number; end: number }[] }[] = [];
  let cur: { start: number; end: number; words: { start: number; end: number }[] } | undefined;
  for (const m of s.matchAll(/[\p{L}][\p{L}'’.-]*/gu)) {
    const word = m[0].replace(/['’]s$|['’.]$/u, '');
    const span = { start: m.index, end: m.index + word.length };
    if (/^\p{Lu}/u.test(word) && (!cur || /^\s+$/.test(s.slice(cur.end, span.start)))) {
      if (!cur) cur = { start: span.start, end: span.end, words: [] };
      cur.end = span.end;
      cur.words.push(span);
    } else {
      if (cur) out.push(cur);
      cur = /^\p{Lu}/u.test(word) ? { start: span.start, end: span.end, words: [span] } : undefined;
    }
  }
  if (cur) out.push(cur);
  return out;
}
