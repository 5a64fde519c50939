import { msg } from './messages.js';

/**
 * What a speaker label reads from a ledger entry. `speaker` is the name as written ("Sergey Lavrov",
 * "a senior European diplomat"; today often the actor's name), `actor` whom the speaker speaks for
 * ("Russia"), `source` an unnamed source's words ("diplomats"). All optional: entries before and after
 * the speaker model gained `actor` and `speakerKind` are read alike.
 */
export interface SpeakerFields {
  speaker?: string;
  actor?: string;
  speakerKind?: string;
  source?: string;
}

/** "Sergey Lavrov (Russia)", "Russia", "unnamed diplomats", or "an unnamed source". */
export function speakerLabel(e: SpeakerFields, locale?: string): string {
  const speaker = e.speaker?.trim();
  const actor = e.actor?.trim();
  if (e.speakerKind === 'unnamed' || (!speaker && e.source)) {
    const source = (e.source ?? speaker ?? '').replace(/^(?:an?|the|some|several)\s+/i, '').replace(/^unnamed\s+/i, '');
    if (source) return msg(locale, 'speaker.unnamed', { source });
  }
  // "Sergey Lavrov (Russia)"; "Estonia's foreign minister" and "Ukrainian officials" already say whom they speak for.
  const named = speaker && actor && speaker.toLowerCase().includes(actor.toLowerCase().slice(0, Math.min(5, actor.length)));
  if (speaker && actor && !named && speaker.toLowerCase() !== actor.toLowerCase()) return msg(locale, 'speaker.withActor', { speaker, actor: actorName(actor, locale) });
  return (speaker ? actorName(speaker, locale) : actor ? actorName(actor, locale) : '') || msg(locale, 'speaker.unknown');
}

/**
 * English names of states and bodies that take "the" ("the United States", "the Netherlands", "the
 * European Union", "the Republic of Korea"): the grammar of English names, not a list of actors.
 */
const TAKES_THE = /^(?:[\p{Lu}][\p{L}-]* )*(?:States|Kingdom|Republic|Union|Nations|Emirates|Federation|Islands|Isles|Netherlands|Philippines|Bahamas|Maldives|Seychelles|Comoros|Gambia|Vatican City)(?: of [\p{Lu}][\p{L} -]*)?$/u;

/** An actor's name as it reads in an English sentence ("the United States"); other languages unchanged. */
export function actorName(name: string, locale?: string): string {
  const lang = (locale ?? 'en').slice(0, 2).toLowerCase();
  return lang === 'en' && TAKES_THE.test(name) ? `the ${name}` : name;
}

/**
 * A quote in curly quotation marks, unless the sentence opens or closes with its own quotation marks
 * ("“We will respond,” the minister said."): wrapping it would double them.
 */
export function quoted(text: string, locale?: string): string {
  const t = text.trim();
  if (/^[“"«„]/.test(t) || /[”"»][.!?]?$/.test(t)) return t;
  return msg(locale, 'quote', { text: t });
}
