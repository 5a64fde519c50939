/**
 * Outlet names folded to one key across scripts, so that "ТАСС" and "TASS", or "Интерфакс" and
 * "Interfax", count as one source: lower case, accents dropped, Cyrillic transliterated letter by letter
 * (a simplified BGN/PCGN-style table; Ukrainian letters included), "the" and punctuation dropped.
 * Other scripts (Arabic, Devanagari, Han) keep their letters: their names are never stripped to nothing.
 */
const CYRILLIC: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi',
  й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts',
  ч: 'ch', ш: 'sh', щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya',
};

/** The independence key of an outlet name (see above). */
export function outletKey(s: string): string {
  // Composed first, so that й and ё stay letters of their own; "кс" is written x in Latin names (Interfax).
  const lower = s.normalize('NFC').toLowerCase().replace(/кс/g, 'x');
  const latin = [...lower].map((c) => CYRILLIC[c] ?? c).join('');
  return latin.normalize('NFKD').replace(/\p{M}/gu, '').replace(/^the\s+/, '').replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
