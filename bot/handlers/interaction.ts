import type { Interaction } from 'discord.js';
import { UserError } from '../../core/errors.js';
import { commandsByName } from '../commands/index.js';
import type { BotContext } from '../context.js';
import { handleError } from '../errors.js';
import { onButton, onModal } from './components.js';

/** Routes an interaction to its command, button or modal handler; every failure goes to the error handler. */
export async function onInteraction(i: Interaction, ctx: BotContext): Promise<void> {
  try {
    if (i.isChatInputCommand()) {
      const cmd = commandsByName.get(i.commandName);
      if (!cmd) throw new UserError('USAGE', { detail: `Unknown command /${i.commandName}.` });
      await cmd.execute(i, ctx);
    } else if (i.isAutocomplete()) {
      const cmd = commandsByName.get(i.commandName);
      if (cmd?.autocomplete) await cmd.autocomplete(i, ctx);
      else await i.respond([]);
    } else if (i.isButton()) {
      await onButton(i, ctx);
    } else if (i.isModalSubmit()) {
      await onModal(i, ctx);
    }
  } catch (err) {
    await handleError(err, { interaction: i, event: describe(i) }, ctx.log);
  }
}

function describe(i: Interaction): string {
  if (i.isChatInputCommand() || i.isAutocomplete()) return `/${i.commandName}`;
  if (i.isButton() || i.isModalSubmit()) return `component ${i.customId.split(':').slice(0, 2).join(':')}`;
  return `interaction type ${i.type}`;
}
