import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type MessageMentionOptions,
} from 'discord.js';

/** Allowed mentions for every message the bot sends: nobody is pinged, not even the replied-to user. */
export const NO_MENTIONS: MessageMentionOptions = Object.freeze({ parse: [], repliedUser: false }) as MessageMentionOptions;

/** A message body the bot sends (reply, edit, follow-up or channel message). */
export interface BotMessage {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: MessageMentionOptions;
}

/** A button with a custom id. */
export function button(customId: string, label: string | null, style: ButtonStyle, emoji?: string): APIButtonComponent {
  return {
    type: ComponentType.Button,
    custom_id: customId,
    style: style as ButtonStyle.Primary,
    ...(label ? { label } : {}),
    ...(emoji ? { emoji: { name: emoji } } : {}),
  };
}

/** Rows of at most five buttons. */
export function rows(buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent>[] {
  const out: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && out.length < 5; i += 5) {
    out.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + 5) });
  }
  return out;
}

/** A message with one embed and no buttons. */
export function embedMessage(embed: APIEmbed, buttons: APIButtonComponent[] = []): BotMessage {
  return { embeds: [embed], components: rows(buttons), allowedMentions: NO_MENTIONS };
}

/** A plain text message (content cut to 2,000 characters). */
export function textMessage(text: string): BotMessage {
  const content = text.length > 2000 ? `${text.slice(0, 1999)}…` : text;
  return { content, embeds: [], components: [], allowedMentions: NO_MENTIONS };
}
