/**
 * The source of a reporting verb as a noun phrase, found without the gazetteer: a name with its titles
 * ("Foreign ministry spokesperson Lin Wei", "Ms Ortiz"), a pronoun ("he"), a role or organisation
 * ("the ministry", "Kenya's foreign ministry", "a senior European diplomat", "two officials").
 * Offsets are relative to the sentence string.
 */

/** A noun phrase that can be the source of a statement. */
export interface SourcePhrase {
  start: number;
  end: number;
  text: string;
  /** name: a proper name heads it; pronoun; role: a common noun heads it ("the ministry", "officials"). */
  kind: 'name' | 'pronoun' | 'role';
  /** The head word, lower-case ("lavrov", "he", "ministry", "officials"). */
  head: string;
  /** The proper name inside it, as written ("Lin Wei", "Sergey Lavrov"), when there is one. */
  name?: { start: number; end: number; text: string };
  /** Definite ("the ministry", "he"): refers back to someone named before. */
  definite: boolean;
  plural: boolean;
  /** 'm' / 'f' when an honorific or pronoun says so. */
  gender?: 'm' | 'f';
}

interface Tok { text: string; lower: string; start: number; end: number; cap: boolean; poss: boolean }

const PRONOUNS = new Set(['he', 'she', 'they', 'we', 'i', 'it', 'you']);
const DETERMINERS = new Set(['the', 'a', 'an', 'this', 'that', 'these', 'those', 'his', 'her', 'its', 'their', 'our', 'my', 'your',
  'some', 'several', 'many', 'most', 'other', 'both', 'all', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten',
  'one', 'few', 'numerous', 'various', 'another', 'each', 'no', 'any', 'dozens', 'hundreds']);
// Honorifics and titles that stand before a name (general vocabulary of news English).
const HONORIFIC: Record<string, 'm' | 'f' | undefined> = {
  mr: 'm', 'mr.': 'm', mrs: 'f', 'mrs.': 'f', ms: 'f', 'ms.': 'f', miss: 'f', sir: 'm', dame: 'f', lord: 'm', lady: 'f',
  king: 'm', queen: 'f', prince: 'm', princess: 'f', dr: undefined, 'dr.': undefined, prof: undefined, 'prof.': undefined,
};
/** Role nouns that name a person or an office (head of a role phrase, or a title before a name). */
export const PERSON_ROLES = new Set(('president vice-president premier minister secretary senator sen. rep. representative congressman ' +
  'congresswoman lawmaker legislator governor mayor ambassador envoy spokesperson spokesman spokeswoman chancellor king queen prince ' +
  'princess emir sheikh general gen. colonel commander chief director chairman chairwoman chair judge justice pope cardinal ' +
  'archbishop bishop rabbi imam ayatollah lawyer attorney prosecutor professor historian analyst researcher economist scientist ' +
  'expert official aide adviser advisor deputy leader head captain officer sergeant lieutenant inspector detective founder ceo ' +
  'executive editor correspondent reporter journalist author writer member councillor councilor commissioner diplomat ' +
  'negotiator delegate candidate activist witness resident survivor doctor spokesperson source insider observer critic ' +
  'commentator scholar investigator monitor campaigner organiser organizer owner manager coach player president-elect ' +
  'administrator coordinator counselor counsellor envoy minister-counsellor attaché consul sovereign monarch prime qc sc mp ' +
  'poster blogger user commenter woman man girl boy mother father son daughter wife husband someone somebody nobody everyone').split(' '));
const PLURAL_ROLES = new Set(('officials sources diplomats analysts experts observers critics witnesses residents activists ' +
  'authorities people protesters commentators scholars historians investigators police rescuers medics doctors organisers ' +
  'organizers journalists monitors lawmakers legislators members lawyers researchers scientists economists insiders leaders ' +
  'governments countries campaigners families relatives survivors villagers students users voters workers employees staff ' +
  'executives prosecutors judges officers soldiers troops ministers ministries aides advisers advisors negotiators delegates ' +
  'spokespeople spokesmen representatives opponents supporters parties groups organisations organizations agencies media ' +
  'reports studies polls surveys documents records data figures estimates statistics allies partners neighbours neighbors ' +
  'feds individuals women men children parents others').split(' '));
/** Organisation nouns (head of an organisation phrase). */
export const ORG_HEADS = new Set(('ministry department agency government embassy consulate mission delegation council committee ' +
  'commission court tribunal party group company firm corporation organisation organization office bureau institute university ' +
  'newspaper paper daily broadcaster channel network television radio station magazine journal website blog union association ' +
  'federation foundation bank army military navy police forces force service authority administration cabinet parliament assembly ' +
  'senate congress coalition alliance movement campaign regime junta kremlin presidency secretariat centre center observatory ' +
  'monitor watchdog charity fund church program programme board team club report study survey poll statement communique communiqué ' +
  'spokesperson\'s guard corps command headquarters prosecutor\'s outlet agency\'s').split(' '));
/** Outlet nouns: an organisation that publishes news speaks as an outlet. */
export const OUTLET_HEADS = new Set('newspaper paper daily broadcaster channel network television radio magazine journal website blog times post news tribune herald gazette telegraph guardian observer chronicle express mirror standard independent'.split(' '));
// Lower-case words that may modify a role or organisation head ("a senior European diplomat", "the country's foreign ministry").
const MODIFIERS = new Set(('senior top former high-ranking high-level unnamed anonymous local foreign western eastern northern southern ' +
  'military government security intelligence defence defense state federal regional provincial independent international ' +
  'junior chief deputy police health medical official party opposition ruling rival key leading prominent veteran retired ' +
  'acting interim new current incoming outgoing own other european american british russian chinese civilian humanitarian ' +
  'rights human legal economic financial trade press news information interior justice finance energy environment education ' +
  'public private national presidential royal municipal city district tribal religious church palace army navy air naval ' +
  'fire emergency rescue aid relief un u.s. us eu israeli palestinian ukrainian iranian several many some two three four five ' +
  'six seven eight nine ten dozen one more most few other such both all external affairs nuclear atomic space science climate ' +
  'spokesperson\'s ministry').split(' '));
// Name particles inside a proper name ("Ursula von der Leyen", "Mohammed bin Salman").
const PARTICLES = new Set(['of', 'de', 'del', 'der', 'van', 'von', 'bin', 'ibn', 'al', 'el', 'la', 'le', 'du', 'da', 'dos', 'das', 'di', 'y', 'for', 'and']);
// Capitalised words that begin a sentence but are no names.
const FUNCTION_CAPS = new Set(('the a an but and or so yet in on at as by for from of to with without after before since while when ' +
  'if though although because meanwhile however also earlier later then now today yesterday still this that these those it its ' +
  'there here what which who whom whose where why how last next first another some many both all each every').split(' '));
// Words between a subject and its verb: auxiliaries, negation and adverbs of time or manner.
const VERB_GAP = new Set(('has have had will would could may might must shall should can did does do is are was were be been being also ' +
  'later then again further therefore thus now still once not never already earlier today yesterday tonight previously subsequently ' +
  'repeatedly reportedly publicly openly formally officially firmly strongly roundly swiftly quickly immediately separately ' +
  'jointly always often frequently recently last year week month just too meanwhile however').split(' '));
const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*|[^\s]/gu;

let lastText = '';
let lastTokens: Tok[] = [];

/** Tokens of a sentence (words with their possessive mark folded in, and punctuation); the last sentence's are kept. */
export function tokens(s: string): Tok[] {
  if (s === lastText) return lastTokens;
  lastTokens = readTokens(s);
  lastText = s;
  return lastTokens;
}

function readTokens(s: string): Tok[] {
  const out: Tok[] = [];
  for (const m of s.matchAll(WORD)) {
    let text = m[0];
    // Trailing periods belong to initialisms ("U.S.") and abbreviations ("Mr."), not to the word.
    if (/[.]$/.test(text) && !/^(?:\p{Lu}\.)+$/u.test(text) && !/^(?:mr|mrs|ms|dr|prof|sen|rep|gen|st|jr|sr|gov|lt|col|capt)\.$/i.test(text)) text = text.replace(/\.+$/, '');
    text = text.replace(/['’-]+$/u, '');
    if (!text) continue;
    const poss = /['’]s?$/u.test(s.slice(m.index, m.index + m[0].length).replace(/\.+$/, '')) || /['’]s$/iu.test(text);
    const bare = text.replace(/['’]s$/iu, '');
    out.push({ text: bare, lower: bare.toLowerCase(), start: m.index, end: m.index + bare.length, cap: /^\p{Lu}/u.test(bare), poss });
  }
  return out;
}

/** Index of the last token ending at or before `at`. */
function lastBefore(ts: Tok[], at: number): number {
  let i = ts.length - 1;
  while (i >= 0 && ts[i]!.end > at) i--;
  return i;
}

/**
 * The source phrase that ends right before the reporting verb at `cueAt` (auxiliaries, negation and
 * adverbs may stand between: "he has also said"), not reaching before `from`.
 * "Tom Reyes, a historian at the university, said" skips the apposition to the name.
 */
export function phraseBefore(s: string, cueAt: number, from = 0): SourcePhrase | undefined {
  const ts = tokens(s).filter((t) => t.start >= from);
  let j = lastBefore(ts, cueAt);
  while (j >= 0 && (VERB_GAP.has(ts[j]!.lower) || /^[a-z]{3,}ly$/.test(ts[j]!.text) && !/^(?:italy|july|family|ally|rally|assembly|supply)$/.test(ts[j]!.lower)) && !ts[j]!.cap) j--;
  if (j >= 0 && ts[j]!.text === ',') {
    // Apposition: "Name, a historian at the university, said" -> Name.
    const open = appositionStart(ts, j);
    if (open === undefined) return undefined;
    j = open - 1;
  }
  if (j < 0) return undefined;
  return phraseEndingAt(s, ts, j);
}

/** The first token of an apposition closed by the comma at `j` ("..., a historian at X,"), if it is one. */
function appositionStart(ts: Tok[], j: number): number | undefined {
  for (let k = j - 1, n = 0; k >= 0 && n < 14; k--, n++) {
    const t = ts[k]!;
    if (t.text === ',') {
      const first = ts[k + 1];
      // ", a historian at the university,", ", the Iranian governor,", ", in its official statement,".
      const ok = first && (DETERMINERS.has(first.lower) || PERSON_ROLES.has(first.lower) || MODIFIERS.has(first.lower) || first.lower === 'who'
        || /^(?:in|on|at|during|after|through|via|with|speaking)$/.test(first.lower));
      return ok && k > 0 && (ts[k - 1]!.cap || ts[k - 1]!.poss) ? k : undefined;
    }
    if (/^[.;:!?()“”"—–]$/.test(t.text)) return undefined;
  }
  return undefined;
}

function phraseEndingAt(s: string, ts: Tok[], j: number): SourcePhrase | undefined {
  const last = ts[j]!;
  if (PRONOUNS.has(last.lower)) {
    const prev = ts[j - 1];
    // "told him", "for them": an object pronoun position is no subject (prepositions before it).
    if (prev && /^(?:to|for|with|by|from|of|at|than|and)$/.test(prev.lower)) return undefined;
    return { start: last.start, end: last.end, text: last.text, kind: 'pronoun', head: last.lower, definite: true,
      plural: /^(?:they|we)$/.test(last.lower), gender: last.lower === 'he' ? 'm' : last.lower === 'she' ? 'f' : undefined };
  }
  const firstInSentence = j === 0 || /^[“"(]$/.test(ts[j - 1]?.text ?? '');
  const lowerHead = last.lower;
  const isRole = PERSON_ROLES.has(lowerHead) || PLURAL_ROLES.has(lowerHead) || ORG_HEADS.has(lowerHead) || OUTLET_HEADS.has(lowerHead);
  if (last.cap && !(firstInSentence && FUNCTION_CAPS.has(lowerHead)) && !(isRole && !nameLike(ts, j))) return nameRun(s, ts, j);
  if (isRole) return rolePhrase(s, ts, j);
  // Any plural noun with a qualifier before it ("American regulators", "the two sides", "local farmers").
  const prev = ts[j - 1];
  if (/^[a-z][a-z-]{2,}s$/.test(lowerHead) && !/(?:ss|us|is)$/.test(lowerHead) && prev && (prev.cap || DETERMINERS.has(prev.lower) || MODIFIERS.has(prev.lower))) {
    return rolePhrase(s, ts, j);
  }
  return undefined;
}

/** A capitalised token in a name context (not a capitalised role word heading its phrase: "Officials said"). */
function nameLike(ts: Tok[], j: number): boolean {
  const t = ts[j]!;
  if (j === 0) return false;
  const prev = ts[j - 1]!;
  // "Foreign Ministry", "the Ministry": capitalised organisation words after a capitalised word or "the" are part of a name.
  return prev.cap || prev.lower === 'the' || !PLURAL_ROLES.has(t.lower);
}

function nameRun(s: string, ts: Tok[], j: number): SourcePhrase | undefined {
  let i = j;
  // The name itself: capitalised words and particles ("Ursula von der Leyen", "Ministry of Foreign Affairs").
  while (i > 0) {
    const p = ts[i - 1]!;
    if (p.poss) break;
    if (p.cap && !(i - 1 === 0 && FUNCTION_CAPS.has(p.lower))) { i--; continue; }
    if (PARTICLES.has(p.lower) && i - 2 >= 0 && ts[i - 2]!.cap && !ts[i - 2]!.poss) { i -= 2; continue; }
    break;
  }
  let nameStart = i;
  // Leading capitalised title words belong to the titles, not the name ("Foreign Minister Sergey Lavrov").
  // Person titles are not part of the name; organisation words are ("Ministry of Foreign Affairs").
  const titleAt = (k: number) => PERSON_ROLES.has(ts[k]!.lower) || ts[k]!.lower in HONORIFIC
    || MODIFIERS.has(ts[k]!.lower) && k + 1 < j && (PERSON_ROLES.has(ts[k + 1]!.lower) || MODIFIERS.has(ts[k + 1]!.lower));
  const orgName = ts.slice(nameStart, j + 1).some((t) => ORG_HEADS.has(t.lower) || OUTLET_HEADS.has(t.lower));
  while (!orgName && nameStart < j && titleAt(nameStart)) nameStart++;
  while (nameStart < j && PARTICLES.has(ts[nameStart]!.lower)) nameStart++;
  // Lower-case titles and an owner before the name ("foreign ministry spokesperson Lin Wei", "Russia's foreign minister Sergey Lavrov").
  i = extendModifiers(ts, i);
  const start = ts[i]!.start;
  const gender = genderOf(ts.slice(i, nameStart + 1));
  const name = ts.slice(nameStart, j + 1);
  return {
    start, end: ts[j]!.end, text: s.slice(start, ts[j]!.end), kind: 'name', head: ts[j]!.lower,
    name: { start: name[0]!.start, end: ts[j]!.end, text: s.slice(name[0]!.start, ts[j]!.end) },
    definite: false, plural: false, gender,
  };
}

function rolePhrase(s: string, ts: Tok[], j: number): SourcePhrase {
  const i = extendModifiers(ts, j);
  const first = ts[i]!.lower;
  const head = ts[j]!.lower;
  const plural = PLURAL_ROLES.has(head);
  const definite = /^(?:the|this|that|these|those)$/.test(first) && !ts.slice(i, j).some((t) => t.poss || (t.cap && t.lower !== 'the'));
  return { start: ts[i]!.start, end: ts[j]!.end, text: s.slice(ts[i]!.start, ts[j]!.end), kind: 'role', head, definite, plural,
    gender: genderOf(ts.slice(i, j + 1)) };
}

/** Extends a phrase leftwards over modifiers, titles, capitalised adjectives, possessive owners and a determiner. */
function extendModifiers(ts: Tok[], i: number): number {
  let k = i;
  while (k > 0) {
    const p = ts[k - 1]!;
    const firstTok = k - 1 === 0;
    if (p.poss && (p.cap || /^(?:country|nation|government|state|ministry|party|agency|company|city|organisation|organization|group)$/.test(p.lower))) {
      k--;
      // "the country's", "Kenya's": an owner may have its own determiner or capitalised words.
      while (k > 0 && (ts[k - 1]!.cap && !ts[k - 1]!.poss || ts[k - 1]!.lower === 'the')) k--;
      break;
    }
    if (DETERMINERS.has(p.lower)) { k--; break; }
    if (MODIFIERS.has(p.lower) || PERSON_ROLES.has(p.lower) || ORG_HEADS.has(p.lower) || p.lower in HONORIFIC || /^\d+$/.test(p.lower)) { k--; continue; }
    if (p.cap && !(firstTok && FUNCTION_CAPS.has(p.lower)) && !/^[,;:]$/.test(p.text)) { k--; continue; }
    if (/-/.test(p.lower) && /^[\p{L}-]+$/u.test(p.lower)) { k--; continue; }
    break;
  }
  return k;
}

function genderOf(ts: readonly Tok[]): 'm' | 'f' | undefined {
  for (const t of ts) {
    const g = HONORIFIC[t.lower];
    if (g) return g;
    if (/^(?:spokeswoman|chairwoman|congresswoman|princess|queen)$/.test(t.lower)) return 'f';
    if (/^(?:spokesman|chairman|congressman|king|prince)$/.test(t.lower)) return 'm';
  }
  return undefined;
}

/**
 * The source phrase right after an inverted reporting verb ("…,” said Tom Reyes, a historian"; "says the
 * Kremlin"; "said he"), when it closes the clause.
 */
export function phraseAfter(s: string, cueEnd: number): SourcePhrase | undefined {
  const ts = tokens(s);
  let i = ts.findIndex((t) => t.start >= cueEnd);
  if (i < 0) return undefined;
  let j = i;
  if (PRONOUNS.has(ts[i]!.lower) && !/^(?:it|you)$/.test(ts[i]!.lower)) {
    return closes(ts, i + 1) ? phraseEndingAt(s, ts, i) : undefined;
  }
  while (j < ts.length && j - i < 9) {
    const t = ts[j]!;
    if (t.cap || DETERMINERS.has(t.lower) || MODIFIERS.has(t.lower) || PERSON_ROLES.has(t.lower) || PLURAL_ROLES.has(t.lower)
      || ORG_HEADS.has(t.lower) || t.lower in HONORIFIC || (PARTICLES.has(t.lower) && ts[j + 1]?.cap)) {
      if (t.poss && !ts[j + 1]?.cap && !MODIFIERS.has(ts[j + 1]?.lower ?? '') && !ORG_HEADS.has(ts[j + 1]?.lower ?? '')) { j++; break; }
      j++;
      continue;
    }
    break;
  }
  if (j === i || !closes(ts, j)) return undefined;
  // The last word must be a head: a name or a role noun.
  let end = j - 1;
  while (end > i && (DETERMINERS.has(ts[end]!.lower) || PARTICLES.has(ts[end]!.lower))) end--;
  return phraseEndingAt(s, ts.slice(0, end + 1), end);
}

/** True when the phrase ending before token `j` closes its clause (punctuation, end, or a time or place adverbial). */
function closes(ts: Tok[], j: number): boolean {
  const t = ts[j];
  if (!t) return true;
  if (/^[,.;:!?)”"—–]$/.test(t.text)) return true;
  return /^(?:on|in|at|last|this|yesterday|today|told|during|after|before|when|while|as|to|and|who|from|via|about|of)$/.test(t.lower);
}
