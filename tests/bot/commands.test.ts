import { ApplicationCommandOptionType, InteractionContextType, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commandBodies, commands, commandsByName } from '../../bot/commands/index.js';
import type { CommandOptionData } from '../../bot/commands/types.js';

const NAME = /^[-_\p{Ll}\p{N}]{1,32}$/u;

function checkOption(o: CommandOptionData, path: string, errors: string[]): void {
  if (!NAME.test(o.name)) errors.push(`${path}.${o.name}: bad name`);
  if (o.description.length < 1 || o.description.length > 100) errors.push(`${path}.${o.name}: description length ${o.description.length}`);
  if ((o.choices?.length ?? 0) > 25) errors.push(`${path}.${o.name}: too many choices`);
  for (const c of o.choices ?? []) {
    if (c.name.length < 1 || c.name.length > 100) errors.push(`${path}.${o.name}: choice name ${c.name}`);
    if (typeof c.value === 'string' && c.value.length > 100) errors.push(`${path}.${o.name}: choice value ${c.value}`);
  }
  if (o.max_length !== undefined && (o.max_length < 1 || o.max_length > 6000)) errors.push(`${path}.${o.name}: max_length`);
  if (o.autocomplete && o.choices) errors.push(`${path}.${o.name}: autocomplete and choices`);
  if ((o.options?.length ?? 0) > 25) errors.push(`${path}.${o.name}: too many options`);
  const required = (o.options ?? []).map((x) => x.required === true);
  if (required.indexOf(false) !== -1 && required.lastIndexOf(true) > required.indexOf(false)) errors.push(`${path}.${o.name}: required after optional`);
  for (const sub of o.options ?? []) checkOption(sub, `${path}.${o.name}`, errors);
}

describe('slash command definitions', () => {
  it('are under every Discord limit, lowercase, with required options first', () => {
    const errors: string[] = [];
    expect(commands.length).toBeLessThanOrEqual(100);
    for (const c of commandBodies()) {
      expect(c.name).toMatch(NAME);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(100);
      expect(c.options?.length ?? 0).toBeLessThanOrEqual(25);
      const required = (c.options ?? []).map((x) => x.required === true);
      if (required.includes(false)) expect(required.lastIndexOf(true)).toBeLessThan(required.indexOf(false));
      for (const o of c.options ?? []) checkOption(o, c.name, errors);
    }
    expect(errors).toEqual([]);
    expect(JSON.stringify(commandBodies()).length).toBeLessThan(8000 * commands.length);
  });

  it('privileged commands default to the right permission and are guild-only', () => {
    const perms: Record<string, bigint | null> = {
      ask: null,
      claims: PermissionFlagsBits.ManageMessages,
      review: PermissionFlagsBits.ManageMessages,
      feedback: PermissionFlagsBits.ManageMessages,
      corpus: PermissionFlagsBits.ManageGuild,
      stats: PermissionFlagsBits.ManageGuild,
      gaps: PermissionFlagsBits.ManageGuild,
      timeline: null,
      watch: null,
    };
    expect([...commandsByName.keys()].sort()).toEqual(Object.keys(perms).sort());
    for (const [name, bit] of Object.entries(perms)) {
      const d = commandsByName.get(name)!.data;
      if (bit === null) {
        expect(d.default_member_permissions).toBeUndefined();
        expect(d.contexts).toContain(InteractionContextType.BotDM);
      } else {
        expect(d.default_member_permissions).toBe(bit.toString());
        expect(typeof d.default_member_permissions).toBe('string');
        expect(d.dm_permission).toBe(false);
        expect(d.contexts).toEqual([InteractionContextType.Guild]);
      }
    }
  });

  it('/corpus add takes an attachment, url or text with title, publisher and published', () => {
    const add = commandsByName.get('corpus')!.data.options!.find((o) => o.name === 'add')!;
    expect(add.type).toBe(ApplicationCommandOptionType.Subcommand);
    expect(add.options!.map((o) => [o.name, o.type])).toEqual([
      ['attachment', ApplicationCommandOptionType.Attachment],
      ['url', ApplicationCommandOptionType.String],
      ['text', ApplicationCommandOptionType.String],
      ['title', ApplicationCommandOptionType.String],
      ['publisher', ApplicationCommandOptionType.String],
      ['published', ApplicationCommandOptionType.String],
    ]);
    const sub = commandsByName.get('corpus')!.data.options!.map((o) => o.name);
    expect(sub).toEqual(['add', 'list', 'remove', 'reindex']);
  });

  it('/review offers exactly the four moderator verdicts', () => {
    const status = commandsByName.get('review')!.data.options!.find((o) => o.name === 'status')!;
    expect(status.choices!.map((c) => c.value)).toEqual(['verified', 'refuted', 'disputed', 'unverified']);
  });
});
