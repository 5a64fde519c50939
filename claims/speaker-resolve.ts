import type { Actor, ActorMention } from './actors.js';
import { ORG_HEADS, OUTLET_HEADS, PERSON_ROLES, tokens, type SourcePhrase } from './noun-phrase.js';

/** What kind of source speaks: a person, an organisation, a state (or international body), an unnamed source, or an outlet. */
export type SpeakerKind = 'person' | 'organisation' | 'state' | 'unnamed' | 'outlet';

/** Who speaks, as named, and whom they speak for when the text supports it. */
export interface Speaker {
  /** As named: "Sergey Lavrov", "a senior European diplomat", "Pakistan's Ministry of Foreign Affairs", "Pakistan". */
  name: string;
  kind: SpeakerKind;
  /** The state or body the speaker speaks for ("Russia" for its foreign minister), when supported. */
  actor?: Actor;
  plural?: boolean;
  gender?: 'm' | 'f';
  /** Head noun of a role or organisation ("ministry", "spokesman"), for definite references. */
  head?: string;
}

// Offices that speak for their state (an opposition senator, an analyst or a newspaper does not).
const STATE_OFFICES = new Set(('president premier minister ministry government spokesperson spokesman spokeswoman ambassador embassy ' +
  'envoy mission delegation chancellor king queen emir prince sheikh military army navy forces force officials official authorities ' +
  'cabinet kremlin presidency administration consulate consul diplomat diplomats secretary office department agency command ' +
  'troops police guard corps junta regime leader leadership monarch sovereign negotiator negotiators regulator regulators prosecutor ' +
  'prosecutors').split(' '));
const NOT_FOR_STATE = /\b(?:former|ex-|opposition|rival|retired|exiled|dissident|independent|analysts?|historians?|experts?|scholars?|critics?|newspapers?|campaign|activists?|residents?|witnesses?|journalists?|lawyers?|researchers?|observers?|commentators?|senators?|lawmakers?|legislators?|candidates?)\b/i;
const COREF_WINDOW = 4;
// Capitalised words of titles and names of offices that may follow a country ("Russia Foreign Minister", "Ukraine President").
const TITLE_WORDS = new Set(('prime vice deputy foreign defence defense interior finance information national security state ' +
  'federal supreme high central armed air naval coast border revolutionary republican democratic emergency civil general ' +
  'special permanent chief acting first former emeritus and times').split(' '));

interface Entity extends Speaker { sentence: number; at: number; subject: boolean }

/**
 * The speakers of one document, in reading order: resolves a source phrase to who speaks, learns full
 * names ("Lavrov" after "Sergey Lavrov"), and resolves pronouns and definite roles ("the ministry", "the
 * spokesman") to the nearest compatible antecedent: person versus organisation, the organisation's type,
 * gender where the text gives it.
 */
export class DocumentSpeakers {
  private readonly entities: Entity[] = [];
  private readonly fullNames = new Map<string, string>();
  private readonly genders = new Map<string, 'm' | 'f'>();

  /** The interviewee of an interview ("Interview with ... Noam Chomsky"): the "I" of the answers. */
  interviewee?: string;
  /** True while the sentence being read is a question of the interviewer's. */
  questionTurn = false;

  constructor(private readonly docSpeaker?: Actor) {}

  /**
   * Drops gazetteer matches that are a person of this document ("Paris" after "Valeska Paris", "Chad"
   * in "Chad Moore", "Sofia" in "Sofia Marin"): a country or capital inside a person's name does not speak.
   */
  withoutPersonNames(mentions: ActorMention[], s: string): ActorMention[] {
    if (mentions.some((m) => m.via !== 'person' && (m.actor.kind === 'country' || m.via === 'capital'))) this.flush();
    return mentions.filter((m) => {
      if (m.via === 'person' || m.actor.kind !== 'country' && m.via !== 'capital') return true;
      if (this.fullNames.has(m.surface.toLowerCase()) && this.fullNames.get(m.surface.toLowerCase()) !== m.surface) return false;
      // Followed by a capitalised word that is no title, organisation or other actor: a person's or an outlet's name.
      const next = /^\s+(\p{Lu}[\p{L}'’-]+)/u.exec(s.slice(m.end));
      if (next && !mentions.some((x) => x.start === m.end + next[0].length - next[1]!.length)) {
        const w = next[1]!.toLowerCase().replace(/['’]s$/u, '');
        const run = (/^(?:\s+\p{Lu}[\p{L}'’-]*){1,4}/u.exec(s.slice(m.end))?.[0] ?? '').toLowerCase().match(/[\p{L}-]+/gu) ?? [];
        if (run.some((x) => OUTLET_HEADS.has(x))) return false;
        // "United States Postal Service", "Pakistan Armed Forces": an organ of the state.
        if (run.some((x) => ORG_HEADS.has(x))) return true;
        // Only a one-word name can be a first name or a surname ("Chad Moore", "Sofia Marin"); "São Tomé and Príncipe" is not.
        if (!PERSON_ROLES.has(w) && !ORG_HEADS.has(w) && !TITLE_WORDS.has(w) && m.via !== 'demonym' && !/['’]/.test(s.slice(m.end, m.end + 1)) && !/\s/.test(m.surface)) return false;
      }
      return true;
    });
  }

  /** Records the persons a sentence names (offsets relative to the sentence), so "he" can refer to them. */
  notePersons(sentence: number, s: string, mentions: readonly ActorMention[]): void {
    // Read lazily: only a pronoun, a definite role or a name that may be a surname needs them.
    this.pending.push({ sentence, s, mentions });
  }

  private readonly pending: { sentence: number; s: string; mentions: readonly ActorMention[] }[] = [];

  /** Reads the persons and organisations of the sentences noted since the last flush (those within reach of coreference). */
  private flush(before = Infinity): void {
    const last = this.pending.at(-1)?.sentence ?? 0;
    const todo = this.pending.filter((p) => p.sentence < before && last - p.sentence <= COREF_WINDOW + 1);
    this.pending.length = 0;
    for (const p of todo) this.readPersons(p.sentence, p.s, p.mentions);
  }

  private readPersons(sentence: number, s: string, mentions: readonly ActorMention[]): void {
    // Organisations and states named in the sentence, so "they" and "it" can refer to them.
    for (const m of mentions) {
      if (m.via === 'person' || m.via === 'demonym') continue;
      this.entities.push({ ...actorSpeaker(m.actor), sentence, at: m.start, subject: m.start < 3 });
    }
    for (const m of s.matchAll(ORG_NAME)) {
      if (mentions.some((x) => x.start < m.index + m[0].length && m.index < x.end)) continue;
      this.entities.push({ name: m[0].replace(/^The\s+/, ''), kind: 'organisation', sentence, at: m.index, subject: m.index < 3 });
    }
    for (const p of personNames(s, mentions)) {
      const name = this.fullName(p.text);
      const actor = p.actor;
      this.entities.push({ name, kind: 'person', actor, sentence, at: p.start, subject: p.start < 3, gender: this.genders.get(name) ?? p.gender });
    }
  }

  /**
   * Who speaks through `np` in sentence `sentence`: its actor mentions (offsets relative to the sentence)
   * tell whom it speaks for. Returns undefined for a pronoun or definite role with no antecedent.
   */
  resolve(np: SourcePhrase, s: string, mentions: readonly ActorMention[], sentence: number): { speaker: Speaker; via: 'explicit' | 'coreference' | 'document' } | undefined {
    if (np.kind === 'pronoun') return this.pronoun(np, sentence);
    const inside = mentions.filter((m) => m.start >= np.start && m.end <= np.end);
    // "The Foreign Ministry said": capitalised office words with "the" and no name refer back like "the ministry".
    if (np.kind === 'name' && inside.length === 0 && /^the\s/i.test(np.text)) {
      const words = tokens(np.text).map((t) => t.lower).slice(1);
      const head = words.filter((w) => ORG_HEADS.has(w) || PERSON_ROLES.has(w)).at(-1);
      if (head && words.every((w) => ORG_HEADS.has(w) || PERSON_ROLES.has(w) || TITLE_WORDS.has(w) || /^(?:of|for|the|affairs)$/.test(w))) {
        const ref = this.definite({ ...np, kind: 'role', head, definite: true }, sentence);
        if (ref) return { speaker: this.remember({ ...ref, head }, sentence, np.start, true), via: 'coreference' };
      }
    }
    const former = NOT_FOR_STATE.test(np.text);
    if (np.kind === 'role') {
      if (np.definite && inside.length === 0) {
        const ref = this.definite(np, sentence);
        if (ref) return { speaker: ref, via: 'coreference' };
      }
      const qualifier = inside.at(-1)?.actor;
      const adjacent = inside.at(-1) && /^\s*[\p{L}-]*\s*$/u.test(s.slice(inside.at(-1)!.end, np.end).replace(np.head, '')) && inside.at(-1)!.actor.kind === 'body';
      const kind: SpeakerKind = OUTLET_HEADS.has(np.head) ? 'outlet' : ORG_HEADS.has(np.head) ? 'organisation'
        : PERSON_ROLES.has(np.head) && !np.plural && !/^(?:a|an|one|two|some)\b/i.test(np.text) ? 'person' : 'unnamed';
      const actor = qualifier && !former && (STATE_OFFICES.has(np.head) || adjacent) ? qualifier : undefined;
      const name = inside.length === 1 && inside[0]!.end === np.end ? inside[0]!.actor.name : np.text;
      return { speaker: this.remember({ name: tidy(name), kind, actor, plural: np.plural, head: np.head, gender: np.gender }, sentence, np.start, true), via: 'explicit' };
    }
    return { speaker: this.named(np, s, inside, former, sentence), via: 'explicit' };
  }

  private named(np: SourcePhrase, s: string, inside: readonly ActorMention[], former: boolean, sentence: number): Speaker {
    if (!/\s/.test((np.name ?? np).text.trim())) this.flush();
    let name = np.name ?? { start: np.start, end: np.end, text: np.text };
    const within = inside.filter((m) => m.via !== 'person' && m.start >= name.start && m.end < name.end - 1).at(-1);
    if (within && /^\s+\p{Lu}/u.test(s.slice(within.end, name.end)) && !tokens(s.slice(within.end, name.end)).some((t) => ORG_HEADS.has(t.lower) || OUTLET_HEADS.has(t.lower))) {
      const start = within.end + (s.slice(within.end).length - s.slice(within.end).trimStart().length);
      name = { start, end: name.end, text: s.slice(start, name.end) };
    }
    const whole = inside.find((m) => m.start <= name.start && m.end >= name.end);
    const qualifier = inside.filter((m) => m.end <= name.start).at(-1)?.actor;
    const titles = s.slice(np.start, name.start).toLowerCase();
    const words = tokens(name.text).map((t) => t.lower);
    // "Saudi Arabia and Qatar": actors joined by "and" are no person's name.
    const joined = inside.filter((m) => m.start >= name.start && m.via !== 'person');
    const actorsOnly = joined.length > 1 && s.slice(name.start, name.end).replace(/[,\s]+(?:and\s+)?/g, ' ').trim() === joined.map((m) => s.slice(m.start, m.end)).join(' ');
    if (actorsOnly) return this.remember({ ...actorSpeaker(joined.at(-1)!.actor), plural: true }, sentence, np.start, true);
    if (whole && whole.via !== 'person') {
      // An alias of the gazetteer: the actor itself ("Pakistan"), or one of its organs named in full ("Pakistan's Ministry of Foreign Affairs").
      const organ = words.find((w) => ORG_HEADS.has(w));
      if (organ && whole.actor.kind === 'country' && words.filter((w) => w !== 'the').length > 1) return this.remember({ name: tidy(s.slice(np.start, np.end)), kind: 'organisation', actor: whole.actor, head: organ }, sentence, np.start, true);
      return this.remember({ name: whole.actor.name, kind: whole.actor.kind === 'country' ? 'state' : 'organisation', actor: whole.actor, head: np.head }, sentence, np.start, true);
    }
    const outlet = words.some((w) => OUTLET_HEADS.has(w));
    if (outlet || words.some((w) => ORG_HEADS.has(w))) {
      const actor = !outlet && !former ? (qualifier ?? inside.find((m) => m.start >= name.start)?.actor) : undefined;
      const head = words.find((w) => OUTLET_HEADS.has(w) || ORG_HEADS.has(w));
      return this.remember({ name: tidy(s.slice(qualifier ? np.start : name.start, np.end)), kind: outlet ? 'outlet' : 'organisation', actor, head }, sentence, np.start, true);
    }
    const full = this.fullName(name.text);
    const stateTitle = [...titles.matchAll(/[\p{L}-]+/gu)].some((m) => STATE_OFFICES.has(m[0]));
    const personActor = whole?.via === 'person' ? whole.actor : undefined;
    const actor = former ? undefined : personActor ?? (qualifier && stateTitle ? qualifier : undefined);
    const gender = np.gender ?? this.genders.get(full);
    if (gender) this.genders.set(full, gender);
    return this.remember({ name: full, kind: 'person', actor, gender, head: titles.match(/[\p{L}-]+/gu)?.filter((w) => PERSON_ROLES.has(w)).at(-1) }, sentence, np.start, true);
  }

  private pronoun(np: SourcePhrase, sentence: number): { speaker: Speaker; via: 'explicit' | 'coreference' | 'document' } | undefined {
    this.flush();
    const w = np.head;
    if ((w === 'we' || w === 'i') && this.docSpeaker) return { speaker: actorSpeaker(this.docSpeaker), via: 'document' };
    if (w === 'i' && this.interviewee && !this.questionTurn) return { speaker: { name: this.interviewee, kind: 'person' }, via: 'document' };
    if (w === 'you') return undefined;
    if (w === 'i' || w === 'we') return { speaker: { name: np.text, kind: 'unnamed' }, via: 'explicit' };
    const recent = this.entities.filter((e) => sentence - e.sentence <= COREF_WINDOW);
    let ref: Entity | undefined;
    if (w === 'he' || w === 'she') {
      const g = w === 'he' ? 'm' : 'f';
      const persons = recent.filter((e) => e.kind === 'person' && !e.plural && (!e.gender || e.gender === g));
      ref = nearest(persons, sentence);
      if (ref && !ref.gender) { ref.gender = g; this.genders.set(ref.name, g); }
    } else {
      ref = nearest(recent.filter((e) => e.kind !== 'person' && e.kind !== 'unnamed' || (w === 'they' && e.plural)), sentence);
    }
    if (!ref && this.docSpeaker) return { speaker: actorSpeaker(this.docSpeaker), via: 'document' };
    // An unresolved "he said ..." is still somebody's statement, never the outlet's: an unnamed source.
    return ref ? { speaker: strip(ref), via: 'coreference' } : { speaker: { name: np.text, kind: 'unnamed' }, via: 'explicit' };
  }

  private definite(np: SourcePhrase, sentence: number): Speaker | undefined {
    this.flush();
    const recent = this.entities.filter((e) => sentence - e.sentence <= COREF_WINDOW);
    const head = np.head;
    const sameHead = recent.filter((e) => e.head === head || (e.head && np.text.toLowerCase().endsWith(e.head)));
    const byType = PERSON_ROLES.has(head)
      ? recent.filter((e) => e.kind === 'person' && e.head && sameRole(e.head, head))
      : recent.filter((e) => e.kind === 'organisation' && e.head === head);
    const ref = nearest(sameHead.length ? sameHead : byType, sentence);
    if (ref) return strip(ref);
    // "Pakistan condemned ... The ministry urged ...": a state organ refers to the state that spoke last.
    if (STATE_OFFICES.has(head) && !PERSON_ROLES.has(head) || /^(?:government|ministry|embassy|kremlin|presidency|cabinet)$/.test(head)) {
      const state = nearest(recent.filter((e) => e.actor && e.actor.kind === 'country'), sentence);
      if (state) return { name: np.text.replace(/^The\s/, 'the '), kind: 'organisation', actor: state.actor, head };
    }
    return undefined;
  }

  /** The title word a person was named with ("Ambassador", "Minister"), capitalised, for ownership by a document's speaker. */
  titleOf(name: string | undefined): string | undefined {
    if (!name) return undefined;
    const head = this.entities.findLast((e) => e.name === name && e.head)?.head;
    return head ? head.charAt(0).toUpperCase() + head.slice(1) : undefined;
  }

  private remember(sp: Speaker, sentence: number, at: number, subject: boolean): Speaker {
    this.entities.push({ ...sp, sentence, at, subject });
    if (this.entities.length > 200) this.entities.splice(0, 100);
    return sp;
  }

  /** The fullest form of a person's name seen so far ("Lavrov" -> "Sergey Lavrov"); learns full names. */
  private fullName(text: string): string {
    let name = tidy(text.replace(/^(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+/, ''));
    while (/\s/.test(name) && (TITLE_WORDS.has(name.split(' ')[0]!.toLowerCase()) || PERSON_ROLES.has(name.split(' ')[0]!.toLowerCase()))) name = name.slice(name.indexOf(' ') + 1);
    const parts = name.split(/\s+/);
    if (parts.length >= 2) {
      const key = parts.at(-1)!.toLowerCase();
      if (!this.fullNames.has(key)) this.fullNames.set(key, name);
      return name;
    }
    return this.fullNames.get(name.toLowerCase()) ?? name;
  }
}

function sameRole(a: string, b: string): boolean {
  const norm = (x: string) => x.replace(/(?:wo)?man$|person$/, 'person');
  return norm(a) === norm(b);
}

function nearest(xs: Entity[], sentence: number): Entity | undefined {
  let best: Entity | undefined;
  for (const e of xs) {
    if (!best) { best = e; continue; }
    // The closest sentence wins; inside one sentence a subject (a speaker) beats a later mention.
    if (e.sentence > best.sentence || (e.sentence === best.sentence && (e.subject && !best.subject || e.subject === best.subject && e.at > best.at))) best = e;
  }
  return best && sentence - best.sentence <= COREF_WINDOW ? best : undefined;
}

function strip(e: Entity): Speaker {
  const { sentence: _s, at: _a, subject: _b, ...sp } = e;
  return sp;
}

/** The speaker that an actor is when it speaks itself. */
export function actorSpeaker(a: Actor): Speaker {
  return { name: a.name, kind: a.kind === 'country' ? 'state' : 'organisation', actor: a };
}

function tidy(s: string): string {
  return s.replace(/\s+/g, ' ').replace(/['’]s$/u, '').trim();
}

// An acronym (KCNA, NASA) or a capitalised name with an organisation word ("Church of Scientology", "Environment Canada").
const ORG_NAME = /\b\p{Lu}{3,6}\b|\b(?:The\s+)?(?:\p{Lu}[\p{L}-]+\s+){0,3}(?:Church|Ministry|Agency|Department|Council|Committee|Commission|Court|Party|Group|Company|Corporation|Institute|University|Association|Foundation|Bank|Army|Police|Service|Authority|Office|Bureau|Times|Post|News|Herald|Press)(?:\s+of(?:\s+the)?(?:\s+\p{Lu}[\p{L}-]+){1,3})?/gu;
const CALENDAR = /^(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|day|eve|week|year|christmas|easter|ramadan|eid)$/;
const NAME_RUN = /(?:\b(?:Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+)?\p{Lu}[\p{L}'’.-]+(?:\s+(?:(?:de|van|von|der|bin|al|el|la|da|di)\s+)?\p{Lu}[\p{L}'’.-]+){1,3}/gu;
const HONORIFIC_NAME = /\b(Mr|Mrs|Ms|Miss|Dr|Prof|Sir|Dame)\.?\s+(\p{Lu}[\p{L}'’-]+)/gu;

/**
 * Persons a sentence names: two to four capitalised words that are no organisation and no actor of the
 * gazetteer ("Tom Reyes", "Lin Wei"), a name after an honorific ("Ms Ortiz"), and persons the gazetteer
 * or the document links to an actor.
 */
export function personNames(s: string, mentions: readonly ActorMention[]): { start: number; text: string; gender?: 'm' | 'f'; actor?: Actor }[] {
  const out: { start: number; text: string; gender?: 'm' | 'f'; actor?: Actor }[] = [];
  for (const m of mentions) if (m.via === 'person') out.push({ start: m.start, text: m.surface, actor: m.actor });
  for (const m of s.matchAll(HONORIFIC_NAME)) {
    if (out.some((o) => o.start <= m.index + m[0].length && m.index <= o.start + o.text.length)) continue;
    out.push({ start: m.index, text: m[0], gender: /^(?:Mr|Sir)$/.test(m[1]!) ? 'm' : /^(?:Mrs|Ms|Miss|Dame)$/.test(m[1]!) ? 'f' : undefined });
  }
  for (const m of s.matchAll(NAME_RUN)) {
    const words = m[0].split(/\s+/);
    let start = m.index;
    // A sentence-initial function word ("The", "In") and leading titles are not part of the name.
    while (words.length && (/^(?:The|A|An|In|On|At|But|And|As|After|When|While|If|For|From|By|With|Former)$/.test(words[0]!) || PERSON_ROLES.has(words[0]!.toLowerCase()) || TITLE_WORDS.has(words[0]!.toLowerCase()))) {
      start += words[0]!.length + 1;
      words.shift();
    }
    if (words.length < 2) continue;
    const lower = words.map((w) => w.toLowerCase().replace(/['’]s$/u, ''));
    if (lower.some((w) => ORG_HEADS.has(w) || OUTLET_HEADS.has(w) || PERSON_ROLES.has(w) || CALENDAR.test(w))) continue;
    const end = start + words.join(' ').length;
    if (mentions.some((x) => x.via !== 'person' && x.start <= start && x.end >= end)) continue;
    if (out.some((o) => o.start < end && start < o.start + o.text.length)) continue;
    out.push({ start, text: words.join(' ').replace(/['’]s$/u, '') });
  }
  return out.sort((a, b) => a.start - b.start);
}
