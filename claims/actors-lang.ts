import { detectLanguageOrUndefined, foldWord, wordsOf, type Lang } from '../core/language.js';
import type { Actor, ActorMention, Gazetteer, MentionKind } from './actors.js';
import { WC_KEYS, loadCountries, loadLangFile, nameStem, safeDisplay, stripClitic } from './actor-names-lang.js';

interface Name { words: string[]; actor: Actor; via: MentionKind; short: boolean }

/** Languages where words inflect at the end: a name matches a word that adds up to this many letters. */
const TAIL: Record<Lang, number> = { en: 0, ru: 3, uk: 3, ur: 1, ar: 2, zh: 0, hi: 1, fr: 1, es: 1, de: 2 };

/**
 * Actor names in the other supported languages, for questions and documents in them: country names from
 * the `world-countries` translations and `Intl.DisplayNames` (which fills Ukrainian and Hindi), and the
 * leaders, bodies and metonyms of `claims/data/actors-lang.json`. Matching folds script variants and lets
 * a name take an inflectional ending ("России", "Пакистана"); short names (four letters or fewer) must be
 * capitalised ("Того" is Togo, "того" is a word) and, outside Cyrillic, written exactly.
 */
export class ForeignNames {
  private readonly byLang = new Map<Lang, Map<string, Name[]>>();
  private readonly han: Name[] = [];

  constructor(base: Gazetteer) {
    const countries = loadCountries();
    const data = loadLangFile();
    for (const lang of Object.keys(TAIL) as Lang[]) {
      if (lang === 'en') continue;
      const display = new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' });
      for (const c of countries) {
        const actor = base.get(c.cca3);
        if (!actor) continue;
        const t = WC_KEYS[lang] ? c.translations[WC_KEYS[lang]!] : undefined;
        for (const n of [t?.common, t?.official, safeDisplay(display, c.cca2)]) if (n) this.add(lang, n, actor, 'name');
      }
      const extra = data[lang];
      if (extra && typeof extra === 'object') {
        for (const [id, names] of Object.entries(extra)) {
          const actor = base.get(id);
          if (!actor) throw new Error(`Unknown actor id in claims/data/actors-lang.json: ${id}`);
          for (const n of names) this.add(lang, n, actor, /^\p{Ll}/u.test(n) ? 'demonym' : 'alias');
        }
      }
    }
    this.han.sort((a, b) => b.words[0]!.length - a.words[0]!.length);
  }

  private add(lang: Lang, name: string, actor: Actor, via: MentionKind): void {
    if (lang === 'zh') {
      this.han.push({ words: [foldWord(name)], actor, via, short: false });
      return;
    }
    const words = wordsOf(name).map((w) => nameStem(foldWord(w.word), lang));
    if (words.length === 0 || words.length > 6) return;
    let m = this.byLang.get(lang);
    if (!m) this.byLang.set(lang, (m = new Map()));
    const list = m.get(words[0]!) ?? [];
    if (list.some((x) => x.words.join(' ') === words.join(' '))) return;
    list.push({ words, actor, via, short: foldWord(name).replace(/\s+/g, '').length <= 4 });
    list.sort((a, b) => b.words.length - a.words.length);
    m.set(words[0]!, list);
  }

  /**
   * The actor a name in another script or language stands for ("МИД России", "Мария Захарова", "وزارة
   * الخارجية الباكستانية"): the first actor it mentions, in its detected language.
   */
  resolve(name: string): Actor | undefined {
    const lang = detectLanguageOrUndefined(name);
    return lang && lang !== 'en' ? this.find(name, lang, true)[0]?.actor : undefined;
  }

  /** Every actor mention in `text` written in `lang`, longest first, left to right, with exact offsets. */
  find(text: string, lang: Lang, lenient = false): ActorMention[] {
    if (lang === 'zh') return this.findHan(text);
    const m = this.byLang.get(lang);
    if (!m) return [];
    const words = wordsOf(text);
    const folded = words.map((w) => stripClitic(foldWord(w.word), lang));
    const out: ActorMention[] = [];
    for (let i = 0; i < words.length; i++) {
      const hit = this.matchAt(m, words, folded, i, lang, lenient);
      if (!hit) continue;
      const start = words[i]!.start;
      const end = words[i + hit.words.length - 1]!.end;
      out.push({ actor: hit.actor, start, end, surface: text.slice(start, end), via: hit.via });
      i += hit.words.length - 1;
    }
    return out;
  }

  private matchAt(m: Map<string, Name[]>, words: { word: string }[], folded: string[], i: number, lang: Lang, lenient: boolean): Name | undefined {
    const w = folded[i]!;
    for (let cut = 0; cut <= TAIL[lang] && w.length - cut >= 2; cut++) {
      for (const name of m.get(w.slice(0, w.length - cut)) ?? []) {
        if (i + name.words.length > words.length) continue;
        if (!name.words.every((nw, k) => wordMatches(folded[i + k]!, nw, lang, name.short))) continue;
        const surface = words[i]!.word;
        // A capital letter is required in documents, and for short names everywhere (scripts without case pass).
        const capital = !/\p{Ll}/u.test(surface[0]!) || name.via === 'demonym';
        if ((name.short || !lenient) && !capital) continue;
        return name;
      }
    }
    return undefined;
  }

  private findHan(text: string): ActorMention[] {
    const out: ActorMention[] = [];
    const t = foldWord(text);
    // Folding keeps Han characters one for one, so offsets in `t` are offsets in `text` when lengths agree.
    if (t.length !== text.length) return [];
    for (let i = 0; i < t.length; i++) {
      const hit = this.han.find((n) => t.startsWith(n.words[0]!, i));
      if (!hit) continue;
      const end = i + hit.words[0]!.length;
      out.push({ actor: hit.actor, start: i, end, surface: text.slice(i, end), via: hit.via });
      i = end - 1;
    }
    return out;
  }
}

function wordMatches(word: string, stem: string, lang: Lang, short: boolean): boolean {
  // Short names inflect too ("Ираном"), but only Cyrillic ones: their capital letter is checked by the caller.
  if (short && lang !== 'ru' && lang !== 'uk') return word === stem;
  return word.startsWith(stem) && word.length - stem.length <= TAIL[lang];
}

const cache = new WeakMap<Gazetteer, ForeignNames>();
/** The foreign-name index over a gazetteer's actors, built once per gazetteer. */
export function foreignNames(base: Gazetteer): ForeignNames {
  let f = cache.get(base);
  if (!f) cache.set(base, (f = new ForeignNames(base)));
  return f;
}
