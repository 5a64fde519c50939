import type { Span } from '../corpus/sentences.js';
import type { Actor, ActorMention, Gazetteer } from './actors.js';

/** Who speaks in one sentence, and how we know. */
export interface Attribution extends Span {
  speaker?: Actor;
  /** The reporting verb or noun ("condemned", "urged", "according to"). */
  cue?: string;
  via: 'explicit' | 'coreference' | 'document' | 'none';
}

const CUE_VERBS = new Set(('say says said state states stated condemn condemns condemned urge urges urged call calls called ' +
  'emphasize emphasizes emphasized emphasise emphasises emphasised stress stresses stressed assert asserts asserted ' +
  'warn warns warned reject rejects rejected deny denies denied accuse accuses accused add adds added announce announces ' +
  'announced claim claims claimed insist insists insisted note notes noted argue argues argued declare declares declared ' +
  'describe describes described express expresses expressed welcome welcomes welcomed praise praises praised criticize ' +
  'criticizes criticized criticise criticises criticised demand demands demanded reiterate reiterates reiterated affirm ' +
  'affirms affirmed confirm confirms confirmed report reports reported tell tells told tweeted posted dismiss dismisses ' +
  'dismissed allege alleges alleged vow vows vowed pledge pledges pledged threaten threatens threatened appeal appeals ' +
  'appealed acknowledge acknowledges acknowledged suggest suggests suggested propose proposes proposed blame blames blamed ' +
  'hail hails hailed deplore deplores deplored denounce denounces denounced respond responds responded').split(' '));

const CUE_NOUNS = /^(condemnation|statement|call|calls|position|response|reaction|remarks|denial|accusation|accusations|claim|claims|appeal|warning|view)$/i;
const COREF_SUBJECT = /^(the\s+)?(ministry|government|foreign ministry|spokesperson|spokesman|spokeswoman|statement|president|prime minister|minister|official|officials|embassy|leader|he|she|they|it)\b/i;
const WINDOW = 14;

/**
 * Attributes each sentence of a document to its speaker: the nearest actor before a reporting verb
 * ("Russian Foreign Minister Sergey Lavrov asserted"), "according to X", a possessive statement noun
 * ("Pakistan's condemnation"), a short coreference ("The ministry urged ...") to the last speaker, or
 * the document's own speaker (a UN speech, a ministry's statement).
 */
export function attributeSentences(text: string, sentences: readonly Span[], gazetteer: Gazetteer, docSpeaker?: Actor): Attribution[] {
  let last: Actor | undefined;
  return sentences.map((s) => {
    const sentence = text.slice(s.start, s.end);
    const mentions = gazetteer.find(sentence);
    const found = explicit(sentence, mentions);
    if (found) {
      last = found.speaker;
      return { ...s, ...found, via: 'explicit' as const };
    }
    const coref = COREF_SUBJECT.exec(sentence);
    if (coref && last) {
      const cue = firstCue(sentence.slice(coref[0].length), 0, 6);
      if (cue) return { ...s, speaker: last, cue, via: 'coreference' as const };
    }
    if (docSpeaker) return { ...s, speaker: docSpeaker, via: 'document' as const };
    return { ...s, via: 'none' as const };
  });
}

function explicit(sentence: string, mentions: ActorMention[]): { speaker: Actor; cue: string } | undefined {
  const according = /\baccording to\s+/i.exec(sentence);
  if (according) {
    const m = mentions.find((x) => x.start >= according.index + according[0].length && x.start <= according.index + according[0].length + 40);
    if (m) return { speaker: m.actor, cue: 'according to' };
  }
  for (const m of mentions) {
    const after = sentence.slice(m.end);
    const possessive = /^['’]s?\s+(\w+)/.exec(after);
    if (possessive && CUE_NOUNS.test(possessive[1]!)) return { speaker: m.actor, cue: possessive[1]!.toLowerCase() };
    const cue = firstCue(after, 0, WINDOW);
    if (!cue) continue;
    // The nearest actor before the verb speaks: skip this mention if another one comes before the verb.
    const cueAt = m.end + after.toLowerCase().search(new RegExp(`\\b${cue}\\b`));
    const closer = mentions.find((x) => x.start > m.start && x.end <= cueAt);
    return { speaker: (closer ?? m).actor, cue };
  }
  return undefined;
}

function firstCue(s: string, from: number, maxWords: number): string | undefined {
  const words = s.slice(from).toLowerCase().match(/[a-z]+/g) ?? [];
  for (const w of words.slice(0, maxWords)) if (CUE_VERBS.has(w)) return w;
  return undefined;
}
