import { readFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from '../../core/paths.js';
import type { Actor, ActorMention, Gazetteer } from '../../claims/actors.js';
import { foreignNames } from '../../claims/actors-lang.js';
import { detectLanguageOrUndefined, foldWord, wordsOf, type Lang } from '../../core/language.js';
import { terms, type Intent, type QuestionAnalysis } from '../question.js';
import { conceptHits, type ConceptHit } from './lexicon.js';

interface Cues { who: string[]; verify: string[]; say: string[]; about: string[]; whoAnywhere?: boolean; verifyFirst?: boolean }

/** English verbs for the stances a "who ...?" question asks about (what the claim composer reads). */
const STANCE_VERBS: Record<string, string> = { condemn: 'condemned', deny: 'denied', accuse: 'accused', urge: 'urged', warn: 'warned' };

/** Lexicon words that name a speaker's role rather than a topic. */
const ROLE_CONCEPTS = new Set(['ministry']);

let cues: Record<string, Cues> | undefined;
function cuesFor(lang: Lang): Cues | undefined {
  cues ??= JSON.parse(readFileSync(path.join(projectRoot(), 'retrieval', 'languages', 'cues.json'), 'utf8')) as Record<string, Cues>;
  const c = cues[lang];
  return c && typeof c === 'object' ? c : undefined;
}

/** Languages whose questions are read here (a cue list in retrieval/languages/cues.json). */
export function questionLanguages(): Lang[] {
  cuesFor('en');
  return Object.keys(cues!).filter((k) => !k.startsWith('_')) as Lang[];
}

interface Found { pos: number; end: number }

/** Where a cue occurs: a word beginning (`prefix`) or a whole word, or a phrase; Chinese by substring. */
function findCue(text: string, words: { word: string; start: number; end: number }[], list: string[], lang: Lang, prefix: boolean): Found | undefined {
  let best: Found | undefined;
  for (const cue of list) {
    const c = foldWord(cue);
    let hit: Found | undefined;
    if (lang === 'zh' || /[\s-]/.test(c)) {
      const at = foldWord(text).indexOf(c);
      if (at >= 0) hit = { pos: at, end: at + c.length };
    } else {
      const w = words.find((x) => (prefix ? foldWord(x.word).startsWith(c) : foldWord(x.word) === c));
      if (w) hit = { pos: w.start, end: w.end };
    }
    if (hit && (!best || hit.pos < best.pos)) best = hit;
  }
  return best;
}

/**
 * Reads a question written in another supported language than English into the same analysis the
 * English reader gives: the actors (names in that language), the intent (from the language's cue list),
 * and the topic as English stems (from the bilingual lexicon), so that retrieval and the composers work
 * unchanged. Returns undefined for an English question, or one whose language has no cue list.
 */
export function analyzeForeign(question: string, gazetteer: Gazetteer, followUp?: QuestionAnalysis): QuestionAnalysis | undefined {
  const q = question.trim().replace(/\s+/g, ' ');
  const lang = detectLanguageOrUndefined(q);
  const c = lang && lang !== 'en' ? cuesFor(lang) : undefined;
  if (!lang || !c) return undefined;
  const words = wordsOf(q);
  const mentions = merge(foreignNames(gazetteer).find(q, lang, true), gazetteer.find(q, true));
  const concepts = conceptHits(q, lang);
  const about = findCue(q, words, c.about, lang, false);
  const who = findCue(q, words, c.who, lang, false);
  const say = findCue(q, words, c.say, lang, true);
  const verify = findCue(q, words, c.verify, lang, false);
  const firstWord = words[0]?.start ?? 0;
  const stance = concepts.find((h) => STANCE_VERBS[h.concept]);
  let intent: Intent = 'topic';
  let speaker: Actor | undefined;
  let stanceVerb: string | undefined;
  // In verb-final languages (Urdu, Hindi) the "about" part comes before its marker, after the speaker.
  const verbFinal = lang === 'ur' || lang === 'hi';
  const aboutSpan = about ? (verbFinal ? { from: mentions[0]?.end ?? 0, to: about.pos } : { from: about.end, to: q.length }) : undefined;
  const inAbout = (x: { start: number }) => !!aboutSpan && x.start >= aboutSpan.from && x.start < aboutSpan.to;
  if (who && (c.whoAnywhere || who.pos <= (words[1]?.start ?? firstWord))) {
    intent = 'who';
    stanceVerb = stance ? STANCE_VERBS[stance.concept] : 'said';
  } else if ((say || stance) && mentions.some((m) => !inAbout(m))) {
    intent = 'statements';
    speaker = mentions.find((m) => !inAbout(m))!.actor;
  } else if (verify && (!c.verifyFirst || verify.pos === firstWord)) {
    intent = 'verify';
  }
  // The verb a "who" question asks about, and the role word of a speaker ("МИД России"), are not its topic.
  const asTopic = (h: ConceptHit) => !(intent === 'who' && h === stance) && !(intent === 'statements' && ROLE_CONCEPTS.has(h.concept));
  // Countries named besides the speaker are topic words too, by their English names ("о Йемене" -> yemen),
  // as the English reader keeps them; leaders and capitals are not (their English words are not known here).
  const named = mentions.filter((m) => m.via === 'name' && m.actor.id !== speaker?.id);
  const nameTerms = (ms: ActorMention[]) => ms.flatMap((m) => terms(m.actor.name));
  let topicTerms = unique([...concepts.filter(asTopic).map((h) => h.concept), ...nameTerms(named), ...numbers(q)]);
  let aboutTerms = unique([...concepts.filter((h) => asTopic(h) && inAbout(h)).map((h) => h.concept), ...nameTerms(named.filter(inAbout))]);
  const year = /(?:^|\D)((?:19|20)\d{2})(?!\d)/.exec(q)?.[1];
  const inheritedTopic = !!followUp && topicTerms.length === 0 && followUp.topicTerms.length > 0;
  if (inheritedTopic) {
    topicTerms = followUp!.topicTerms;
    aboutTerms = followUp!.aboutTerms;
  }
  let speakerPhrase: string | undefined;
  if (followUp && !speaker && intent === 'topic') {
    speaker = followUp.speaker;
    speakerPhrase = followUp.speakerPhrase;
  }
  const actors = unique(mentions.map((m) => m.actor.id)).map((id) => mentions.find((m) => m.actor.id === id)!.actor);
  return {
    question: q, intent, speaker, speakerPhrase, actors, topicTerms, aboutTerms, subjectTerms: [], year,
    // English words to search English passages with: the topic, and the stance a "who" question asks about.
    inheritedTopic, stanceVerb, locale: lang, searchTerms: [...topicTerms, ...(stance ? [STANCE_VERBS[stance.concept]!] : [])],
  };
}

/** Mentions of both lists, the foreign ones first, without overlaps, in reading order. */
function merge(a: ActorMention[], b: ActorMention[]): ActorMention[] {
  const out = [...a];
  for (const m of b) if (!out.some((x) => m.start < x.end && x.start < m.end)) out.push(m);
  return out.sort((x, y) => x.start - y.start);
}

function numbers(q: string): string[] {
  return (q.match(/\d+/g) ?? []).filter((n) => !/^(?:19|20)\d{2}$/.test(n));
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}
