import { STOP_WORDS, stem, tokenize } from '../core/text.js';
import type { ActorMention } from './actors.js';
import { cueVerb } from './cues.js';

/** What a proposition is about, for clustering: content words, actors, event classes and who acts. */
export interface Signature {
  /** Stemmed content words (no stop words, actors, cues, hedges or titles). */
  terms: string[];
  /** Actor ids named in the content. */
  actors: string[];
  /** Event classes ("attack", "intercept", "kill"). */
  events: string[];
  /** "UKR>attack": an actor named right before an event word. */
  agents: string[];
  /** Proper names other than actors (places, people): "novgorod", "lordegan". */
  names?: string[];
  /** Figures ("91", "24"): two reports of one event give the same figures. */
  numbers?: string[];
}

const EVENT_CLASSES: [string, RegExp][] = [
  ['intercept', /^(?:intercept\w*|downed|repel\w*|repuls\w*|neutrali[sz]\w*)$/],
  ['attack', /^(?:attack\w*|strik\w*|struck|airstrik\w*|target\w*|bomb\w*|shell\w*|raid\w*|assault\w*|offensive|hit|shot|shoot\w*|fired)$/],
  ['kill', /^(?:kill\w*|dead|death\w*|casualt\w*|injur\w*|wound\w*|died)$/],
  ['seize', /^(?:seiz\w*|captur\w*|detain\w*|arrest\w*|board\w*)$/],
  ['sanction', /^sanction\w*$/],
  ['talks', /^(?:negotiat\w*|talks|summit|ceasefire|truce)$/],
  ['launch', /^(?:launch\w*|satellit\w*|orbit\w*)$/],
];
const NUMBER_WORDS: Record<string, string> = {
  one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10', eleven: '11',
  twelve: '12', thirteen: '13', fourteen: '14', fifteen: '15', twenty: '20', hundred: '100', dozens: 'dozens', hundreds: 'hundreds',
};
const GENERIC = new Set(('one two three all any such also said says would could may might will must further recent ongoing ' +
  'president minister foreign prime official officials state government ministry spokesperson statement alleged allegedly ' +
  'reportedly reported claim claims claimed allegation allegations accusation accusations incident possible attempt ' +
  'attempting attempted including amid after before new first last monday tuesday wednesday thursday friday saturday ' +
  'sunday week month year today yesterday region area people country countries nation nations international global ' +
  'confirm confirmed confirming evidence independent independently such occurred occur happen happened made make').split(' '));

/** The signature of `content` (offsets of `mentions` are relative to `content`). */
export function signatureOf(content: string, mentions: readonly ActorMention[]): Signature {
  let masked = content;
  for (const m of [...mentions].sort((a, b) => b.start - a.start)) {
    masked = masked.slice(0, m.start) + ` @${m.actor.id} ` + masked.slice(m.end);
  }
  masked = masked.replace(/\b(?:shot|shoot(?:s|ing)?)\s+down\b/gi, ' intercepted ').replace(/\bshot\s+dead\b/gi, ' killed ');
  const terms = new Set<string>();
  const events = new Set<string>();
  const agents = new Set<string>();
  const names = new Set<string>();
  const numbers = new Set<string>();
  for (const n of masked.matchAll(/\b\d[\d,.]*\b/g)) if (!/^(?:19|20)\d\d$/.test(n[0])) numbers.add(n[0].replace(/[,.]$/, '').replace(/,/g, ''));
  for (const n of masked.toLowerCase().matchAll(/\b[a-z]+\b/g)) if (NUMBER_WORDS[n[0]]) numbers.add(NUMBER_WORDS[n[0]]!);
  for (const n of masked.matchAll(/(?<=\S\s+)\p{Lu}[\p{L}-]{2,}/gu)) {
    const w = n[0].toLowerCase();
    if (!STOP_WORDS.has(w) && !GENERIC.has(w) && !EVENT_CLASSES.some(([, re]) => re.test(w))) names.add(stem(w));
  }
  const tokens = masked.split(/\s+/);
  let lastActor: { id: string; at: number } | undefined;
  tokens.forEach((tok, i) => {
    if (tok.startsWith('@')) {
      lastActor = { id: tok.slice(1), at: i };
      return;
    }
    for (const w of tokenize(tok)) {
      const ev = EVENT_CLASSES.find(([, re]) => re.test(w))?.[0];
      if (ev) {
        events.add(ev);
        if (lastActor && i - lastActor.at <= 6) agents.add(`${lastActor.id}>${ev}`);
        continue;
      }
      if (STOP_WORDS.has(w) || GENERIC.has(w) || NUMBER_WORDS[w] || w.length < 3 || cueVerb(w)) continue;
      terms.add(stem(w));
    }
  });
  return {
    terms: [...terms], actors: [...new Set(mentions.map((m) => m.actor.id))], events: [...events], agents: [...agents],
    names: [...names], numbers: [...numbers],
  };
}

/** The event class of a (lower-case) word: "strike", "targeting" -> "attack". */
export function eventClassOf(word: string): string | undefined {
  return EVENT_CLASSES.find(([, re]) => re.test(word))?.[0];
}

/**
 * How likely two propositions are the same claim, 0..1: a weighted Jaccard over terms, actors and
 * event classes, and 0 when they cannot be the same event: different agents of the same act, disjoint
 * event classes, different places or figures, fewer than `minShared` shared content words. Actors or
 * event words on one side only halve it.
 */
export function similarity(a: Signature, b: Signature, minShared = 1): number {
  const shared = a.terms.filter((t) => b.terms.includes(t));
  if (shared.length < minShared) return 0;
  if (a.events.length && b.events.length && !a.events.some((e) => b.events.includes(e))) return 0;
  if (disjoint(a.names, b.names) || disjoint(a.numbers, b.numbers)) return 0;
  const sameEvent = a.agents.filter((x) => b.agents.some((y) => y.split('>')[1] === x.split('>')[1]));
  if (sameEvent.length && !a.agents.some((x) => b.agents.includes(x))) return 0;
  const w = (n: number, kind: 'term' | 'actor' | 'event') => n * (kind === 'event' ? 1.5 : 1);
  const inter = w(shared.length, 'term') + w(a.actors.filter((x) => b.actors.includes(x)).length, 'actor')
    + w(a.events.filter((x) => b.events.includes(x)).length, 'event');
  const size = (s: Signature) => w(s.terms.length, 'term') + w(s.actors.length, 'actor') + w(s.events.length, 'event');
  const union = size(a) + size(b) - inter;
  const j = union === 0 ? 0 : inter / union;
  const oneSided = (x: string[]) => (x.length === 0) !== ((x === a.actors ? b.actors : b.events).length === 0);
  return j / (oneSided(a.actors) ? 2 : 1) / (oneSided(a.events) ? 2 : 1);
}

function disjoint(a: string[] | undefined, b: string[] | undefined): boolean {
  return !!a?.length && !!b?.length && !a.some((x) => b.includes(x));
}

/** Keys under which a cluster is found again: its content words. */
export function signatureKeys(s: Signature): string[] {
  return s.terms.map((t) => `t:${t}`);
}
