import type { ActorMention } from './actors.js';

/** Who stands before a reporting verb: an actor, a pronoun or generic noun to resolve, an unnamed source, or nobody. */
export type Subject =
  | { kind: 'actor'; mention: ActorMention; coordinated: ActorMention[] }
  | { kind: 'anaphor'; word: string; start: number; firstPerson: boolean; person: boolean }
  | { kind: 'unnamed'; text: string; start: number }
  | { kind: 'none' };

// Words that may stand between a subject and its verb: titles and organisation words, auxiliaries, adverbs of time.
const GAP_WORDS = new Set(('s president vice prime minister foreign defence defense interior information finance deputy ' +
  'secretary state general lieutenant spokesperson spokesman spokeswoman ambassador envoy chancellor king queen emir crown ' +
  'prince premier chief director commander head leader governor mayor senator speaker press official officials advisor ' +
  'adviser national security affairs of for the representative permanent special army navy military intelligence justice ' +
  'ministry government authorities forces armed force troops office council department embassy mission delegation agency ' +
  'service services court parliament cabinet administration regime police guard guards corps committee party movement ' +
  'media news agency broadcaster outlet sources leadership has have had will would could may might is are was were did ' +
  'does do been be also later then again not never already earlier today yesterday tonight on monday tuesday wednesday ' +
  'thursday friday saturday sunday in its their his her a an statement statements separate joint publicly openly ' +
  'repeatedly formally officially firmly strongly roundly swiftly quickly immediately reportedly previously once ' +
  'subsequently further meanwhile however too both all trade counselor counsellor aide staff postal coast').split(' '));
const CLAUSE = /\b(?:that|which|who|whom|whose|when|while|after|before|because|since|although|though|but|whereas|if|where|until|amid)\b|[;:—–(]|[“”"]/i;
const ANAPHOR = /\b(he|she|they|it|we|i|(?:the|this|that) (?:foreign |defen[cs]e |interior |deputy )?(?:ministry|government|minister|ministers|president|prime minister|foreign minister|secretary|deputy|spokesperson|spokesman|spokeswoman|statement|embassy|official|officials|army|military|kremlin|administration|leader|leaders|country|office|department|agency|group|movement|regime|authorities)|officials)\s+(?:(?:\w+ly|has|have|had|also|later|then|again|further|therefore|thus|hence|now|still|once|will|would|not|must|should|can|do|did)\s+)*$/i;
const NAMED = /((?:\p{Lu}[\p{L}'’.&-]*\s+(?:of\s+(?:the\s+)?)?){0,5}\p{Lu}[\p{L}'’.&-]*)\s+(?:(?:\w+ly|also|later)\s+)?$/u;
const UNNAMED = /((?:[\p{L}-]+\s+){0,2}(?:diplomats|analysts|experts|observers|sources|critics|witnesses|residents|activists|authorities|officials|media|reports|protesters|commentators|scholars|historians|people|world powers|leaders|governments|countries|investigators|police|rescuers|medics|doctors|organi[sz]ers|organi[sz]ations|groups|journalists|monitors?|opposition)(?:\s+(?:in|from)\s+[\p{L}-]+)?)\s+(?:(?:\w+ly|has|have|had|also|have\s+since)\s+)*$/iu;

/**
 * The subject of the reporting verb at `cueAt` in sentence `s`: the nearest actor mention before it when
 * only titles, names, auxiliaries and time adverbs stand between them ("Russian Foreign Minister Sergey
 * Lavrov asserted on Monday", "Pakistan's Ministry of Foreign Affairs, in its official statement,
 * emphasized"), else a pronoun or generic noun ("The ministry urged", "he added"), else an unnamed source.
 */
export function subjectBefore(s: string, cueAt: number, mentions: readonly ActorMention[], from = 0): Subject {
  const before = mentions.filter((m) => m.end <= cueAt && m.start >= from);
  let i = before.length - 1;
  // "The U.S. Embassy in Mogadishu warns", "the Houthis in Yemen claim": a place after "in" is not the subject.
  while (i > 0 && /\b(?:in|at|near|from|to)\s+(?:the\s+)?$/i.test(s.slice(before[i - 1]!.end, before[i]!.start))) i--;
  const m = before[i];
  const head = s.slice(from, cueAt);
  const owner = m && /(\p{Lu}[\p{L}&-]*(?:\s+\p{Lu}[\p{L}&-]*)*)\s+of\s+(?:the\s+)?$/u.exec(s.slice(from, m.start));
  if (m && owner && !owner[1]!.split(/\s+/).some((w) => GAP_WORDS.has(w.toLowerCase()))) {
    // "RTVE of Spain", "the National Resistance Front of Afghanistan": the country only names the organisation.
    return { kind: 'unnamed', text: `${owner[1]} of ${s.slice(m.start, m.end)}`.replace(/^The\s+/, ''), start: from + owner.index };
  }
  if (m && gapOk(s.slice(m.end, cueAt))) {
    return { kind: 'actor', mention: m, coordinated: coordinated(s, before.slice(0, i + 1)) };
  }
  const a = ANAPHOR.exec(head);
  if (a && !/[\p{L}]$/u.test(head.slice(0, a.index))) {
    const word = a[1]!.toLowerCase();
    return { kind: 'anaphor', word, start: from + a.index, firstPerson: word === 'we' || word === 'i', person: /^(he|she)$/.test(word) };
  }
  const u = UNNAMED.exec(head);
  if (u) return { kind: 'unnamed', text: u[1]!.trim(), start: from + u.index };
  // A named source the gazetteer does not know ("NetBlocks reports", "The GHF says"), at the clause start.
  const n = NAMED.exec(head);
  if (n && /^(?:[\s,;:—–(]*|.*(?:^|[,;:—–]|\bthe)\s*)$/su.test(head.slice(0, n.index)) && !/^(?:The|A|An|It|This|That|These|Those|In|On|At|As)$/.test(n[1]!.trim())) {
    return { kind: 'unnamed', text: n[1]!.trim().replace(/^The\s+/, ''), start: from + n.index };
  }
  return { kind: 'none' };
}

/** True when the words between a subject and its verb can all belong to the subject's noun phrase or the verb group. */
export function gapOk(gap: string): boolean {
  if (CLAUSE.test(gap)) return false;
  const commas = (gap.match(/,/g) ?? []).length;
  if (commas % 2 === 1) return false;
  // A parenthetical ", in its official statement," may stand between them.
  const words = gap.replace(/,[^,]*,/g, ' ').toLowerCase().match(/[\p{L}]+/gu) ?? [];
  if (words.length > 9) return false;
  // "Putin's state residences": a word right after a possessive is a noun, not a verb.
  if (/^['’]s\s+$/u.test(gap)) return false;
  return words.every((w, i) => GAP_WORDS.has(w) || /ly$/.test(w) || /^\p{Lu}/u.test(gapWord(gap, i)));
}

function gapWord(gap: string, i: number): string {
  return (gap.replace(/,[^,]*,/g, ' ').match(/[\p{L}]+/gu) ?? [])[i] ?? '';
}

/** "Canada, the EU, and Turkey call for ...": the mentions joined to the last one by commas and "and". */
function coordinated(s: string, before: readonly ActorMention[]): ActorMention[] {
  const out: ActorMention[] = [];
  for (let i = before.length - 2; i >= 0; i--) {
    const between = s.slice(before[i]!.end, before[i + 1]!.start);
    if (!/^\s*(?:,\s*(?:and\s+)?(?:the\s+)?|\s+and\s+(?:the\s+)?)$/i.test(between)) break;
    // The link next to the verb's subject must say "and": "Russia, South Korea's military says" is no list.
    if (i === before.length - 2 && !/\band\b/i.test(between)) break;
    out.unshift(before[i]!);
  }
  return out;
}

/** The actor named right after a verb ("..., said Lavrov", "says the Kremlin"), for inverted reporting clauses. */
export function subjectAfter(s: string, cueEnd: number, mentions: readonly ActorMention[]): ActorMention | undefined {
  const m = mentions.find((x) => x.start >= cueEnd);
  if (!m) return undefined;
  const gap = s.slice(cueEnd, m.start);
  const rest = s.slice(m.end);
  const endsClause = /^(?:\s+(?:\p{Lu}[\p{L}'’.-]*|of|for|the))*\s*(?:[,.;!?]|$)/u.test(rest);
  return endsClause && /^\s+(?:(?:the|a|an)\s+)?(?:[\p{L}]+\s+){0,3}$/u.test(gap) && gapOk(gap) ? m : undefined;
}
