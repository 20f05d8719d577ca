import type { Channel, ChannelType } from '../domain/channel.js';
import type { Notifier } from '../domain/notifier.js';
import { createConsoleNotifier } from '../chat/console/console-notifier.js';
import { createDiscordWebhookNotifier } from '../chat/discord/discord-webhook-notifier.js';
import { createSlackWebhookNotifier } from '../chat/slack/slack-webhook-notifier.js';

export interface NotifierDeps {
  /** Where console alerts are printed. */
  stdout: NodeJS.WritableStream;
  fetch?: typeof fetch;
  /** How long a webhook may take to answer (default 15 s). */
  timeoutMs?: number;
  /** Platform notifiers set up elsewhere (the Slack and Discord apps). */
  extra?: Partial<Record<ChannelType, Notifier>>;
}

/** One notifier per channel type; a type with none set up makes its alerts dead letters with a reason. */
export function buildNotifiers(deps: NotifierDeps): (channel: Channel) => Notifier | undefined {
  const notifiers: Partial<Record<ChannelType, Notifier>> = {
    console: createConsoleNotifier(deps.stdout),
    'slack-webhook': createSlackWebhookNotifier({ fetch: deps.fetch, timeoutMs: deps.timeoutMs }),
    'discord-webhook': createDiscordWebhookNotifier({ fetch: deps.fetch, timeoutMs: deps.timeoutMs }),
    ...deps.extra,
  };
  return (channel) => notifiers[channel.type];
}
