import { Routes, type REST } from 'discord.js';
import type { Config } from '../app/config.js';
import { commandBodies } from './commands/index.js';
import { localizeCommand } from './localize-commands.js';

/**
 * Registers (overwrites) the slash commands: in one server when DISCORD_GUILD_ID is set (instant,
 * good for testing), else globally (may take up to an hour to show everywhere).
 */
export async function registerCommands(rest: REST, config: Config): Promise<{ scope: 'guild' | 'global'; count: number }> {
  const appId = config.DISCORD_APPLICATION_ID;
  if (!appId) throw new Error('DISCORD_APPLICATION_ID is required to register commands');
  const body = commandBodies().map((b) => localizeCommand(b));
  if (config.DISCORD_GUILD_ID) {
    await rest.put(Routes.applicationGuildCommands(appId, config.DISCORD_GUILD_ID), { body });
    return { scope: 'guild', count: body.length };
  }
  await rest.put(Routes.applicationCommands(appId), { body });
  return { scope: 'global', count: body.length };
}
