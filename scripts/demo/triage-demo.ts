import { evalRow } from '../../src/cli/feedback-command.js';
import type { App } from '../../src/main.js';
import { triageRef } from '../../src/domain/triage.js';

/**
 * The demo's triage step (issue 21): on Slack and Discord every alert carries Acknowledge, Not
 * relevant and Mute vendor here. The console channel has no buttons, so the demo presses them
 * through the same triage service the Slack and Discord adapters call, as an operator would.
 */
export async function showTriage(
  app: App,
  channelId: string,
  say: (line?: string) => void,
  dim: (text: string) => string,
): Promise<string[]> {
  const errors: string[] = [];
  const [alert] = (await app.stores.alerts.recent(50)).filter((a) => !a.thread && a.classification.vendors.length);
  if (!alert) return ['triage: no alert to press'];
  const press = (action: 'ack' | 'not-relevant', name: string) =>
    app.triage.press({
      action,
      ref: triageRef(alert),
      actor: { platform: 'cli', id: name.toLowerCase(), isAdmin: true, name },
      channelId,
    });
  say();
  say(`Triage: on Slack and Discord each alert has buttons. Pressing them on "${alert.title}":`);
  const ack = await press('ack', 'Dana');
  say(`  Acknowledge (Dana)       -> ${ack.status}: ${ack.lines.join('; ')}`);
  const again = await press('ack', 'Sam');
  say(`  Acknowledge again (Sam)  -> ${again.status}: ${again.note ?? ''}`);
  const nope = await press('not-relevant', 'Sam');
  say(`  Not relevant (Sam)       -> ${nope.status}: ${nope.lines.at(-1) ?? ''}`);
  const [verdict] = await app.stores.triage.list('not-relevant');
  if (verdict) say(dim(`  banwatch feedback export writes: ${JSON.stringify(evalRow(verdict))}`));
  if (ack.status !== 'applied' || again.status !== 'unchanged' || nope.status !== 'applied')
    errors.push(`triage: presses gave ${ack.status}, ${again.status}, ${nope.status}`);
  return errors;
}
