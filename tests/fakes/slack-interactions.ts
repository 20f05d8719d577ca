/** The parts of a posted message a press sends back (a SlackBody from the fake). */
interface PostedMessage {
  text?: unknown;
  blocks?: Array<{ type: string; elements?: unknown }>;
}

/**
 * A `block_actions` payload as Slack sends it when someone presses a button on a message the bot
 * posted: the message's own blocks and text come back, with the pressed button's ids.
 */
export function blockActionPayload(fields: {
  message: PostedMessage;
  ts: string;
  actionId: string;
  user_id: string;
  user_name?: string;
  channel_id: string;
  response_url: string;
  team_id?: string;
  user_team_id?: string;
}): Record<string, unknown> {
  const button = (fields.message.blocks ?? [])
    .flatMap((block) => (block.type === 'actions' ? ((block.elements ?? []) as Array<Record<string, unknown>>) : []))
    .find((element) => element.action_id === fields.actionId);
  if (!button) throw new Error(`fake Slack: no button ${fields.actionId} on ${JSON.stringify(fields.message.blocks)}`);
  const team = fields.team_id ?? 'T0TEST';
  const payload = {
    type: 'block_actions',
    team: { id: team, domain: 'banwatch-test' },
    user: {
      id: fields.user_id,
      username: fields.user_name ?? fields.user_id.toLowerCase(),
      name: fields.user_name ?? fields.user_id.toLowerCase(),
      team_id: fields.user_team_id ?? team,
    },
    api_app_id: 'A0TEST',
    token: 'deprecated-verification-token',
    container: { type: 'message', message_ts: fields.ts, channel_id: fields.channel_id, is_ephemeral: false },
    trigger_id: '1.2.3',
    channel: { id: fields.channel_id, name: 'security' },
    message: {
      type: 'message',
      user: 'UBOT',
      bot_id: 'BBOT',
      ts: fields.ts,
      text: fields.message.text,
      blocks: fields.message.blocks,
    },
    response_url: fields.response_url,
    actions: [
      {
        type: 'button',
        block_id: 'bw_triage_actions',
        action_id: button.action_id,
        text: button.text,
        value: button.value,
        action_ts: `${Date.now() / 1000}`,
      },
    ],
  };
  return payload;
}

/** The same press as the form Slack POSTs to a request URL (`payload=` JSON). */
export function blockActionForm(fields: Parameters<typeof blockActionPayload>[0]): string {
  return new URLSearchParams({ payload: JSON.stringify(blockActionPayload(fields)) }).toString();
}
