import type { AutocompleteInteraction, ChatInputCommandInteraction } from 'discord.js';
import type { BotContext } from '../context.js';

/** A command option as registered (read-only view of the JSON). */
export interface CommandOptionData {
  readonly type: number;
  readonly name: string;
  readonly description: string;
  readonly required?: boolean;
  readonly autocomplete?: boolean;
  readonly min_length?: number;
  readonly max_length?: number;
  readonly min_value?: number;
  readonly max_value?: number;
  readonly choices?: readonly { readonly name: string; readonly value: string | number }[];
  readonly options?: readonly CommandOptionData[];
}

/** A slash command definition as registered (read-only view of the JSON). */
export interface CommandData {
  readonly name: string;
  readonly description: string;
  readonly options?: readonly CommandOptionData[];
  readonly default_member_permissions?: string | null;
  readonly dm_permission?: boolean;
  readonly contexts?: readonly number[];
  readonly integration_types?: readonly number[];
}

/** What each file under `bot/commands/` exports. */
export interface BotCommand {
  readonly data: CommandData;
  execute(interaction: ChatInputCommandInteraction, ctx: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, ctx: BotContext): Promise<void>;
}
