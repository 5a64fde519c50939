import { msg } from '../answer/messages.js';

/** Discord's locale codes for the supported languages that Discord clients offer (not Urdu or Arabic). */
export const DISCORD_LOCALES: Record<string, string> = { ru: 'ru', uk: 'uk', hi: 'hi', fr: 'fr', es: 'es-ES', de: 'de', zh: 'zh-CN' };

interface Localisable { name: string; description: string; options?: readonly Localisable[] }
type Localised<T> = T & { name_localizations?: Record<string, string>; description_localizations?: Record<string, string> };

function localizations(key: string, english: string): Record<string, string> | undefined {
  const out: Record<string, string> = {};
  for (const [lang, code] of Object.entries(DISCORD_LOCALES)) {
    let text: string;
    try { text = msg(lang, key); } catch { continue; }
    if (text !== english) out[code] = text;
  }
  return Object.keys(out).length ? out : undefined;
}

/**
 * A slash command body with `name_localizations` and `description_localizations` from the message
 * catalogues (`command.<name>[.<option>...].description`, and `.name` where a name is translated),
 * for the command and each of its options and subcommands.
 */
export function localizeCommand<T extends Localisable>(body: T, prefix = 'command'): Localised<T> {
  const key = `${prefix}.${body.name}`;
  const out: Localised<T> = { ...body };
  const names = localizations(`${key}.name`, body.name);
  const descriptions = localizations(`${key}.description`, body.description);
  if (names) out.name_localizations = names;
  if (descriptions) out.description_localizations = descriptions;
  if (body.options) (out as Localisable).options = body.options.map((o) => localizeCommand(o, key));
  return out;
}
