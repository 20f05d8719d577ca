import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommandForm, signedPost, startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.js';
import { startSlackHarness, type SlackHarness } from '../chat/slack/slack-harness.js';

/**
 * Finding A through the Slack app: the workspace a command comes from (its `team_id`) is the
 * caller's tenant, workspace admins govern only what is scoped to it, and the config's
 * `admins.slack` are operators.
 */
const SECRET = 'tenancy-slack-secret-01';
const TOKEN = 'xoxb-tenancy-slack';
let slack: FakeSlackApi;
let app: SlackHarness;
let n = 0;

beforeAll(async () => {
  slack = await startFakeSlackApi({ botToken: TOKEN });
  slack.user('UADMIN', { is_admin: true });
  app = await startSlackHarness(
    { botToken: TOKEN, signingSecret: SECRET, apiUrl: slack.url },
    { configured: [{ id: 'security', type: 'slack', channel: 'C0SEC', origin: 'config' }], admins: ['UOPERATOR'] },
  );
});
afterAll(async () => {
  await app?.close();
  await slack?.close();
});

async function command(text: string, user: string): Promise<string> {
  const id = `t${++n}`;
  const timestamp = Math.floor(app.clock.now().getTime() / 1000);
  const form = slashCommandForm({ text, user_id: user, channel_id: 'C0SEC', response_url: slack.responseUrl(id) });
  expect((await signedPost(app.eventsUrl as string, SECRET, form, { timestamp })).status).toBe(200);
  const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === id));
  return JSON.stringify(answer.body.blocks);
}

describe('A: tenancy through the Slack app', () => {
  it("scopes a workspace admin's bill to the workspace, and keeps the operator's global and out of the admin's reach", async () => {
    expect(await command('track s1-118', 'UADMIN')).toContain('Now tracking');
    expect(await command('track hr5515-115', 'UOPERATOR')).toContain('Now tracking');
    const tracked = Object.fromEntries((await app.stores.trackedBills.list()).map((b) => [b.id, b.scope]));
    expect(tracked).toEqual({ 's1-118': 'slack:T0TEST', 'hr5515-115': undefined });
    expect(await command('untrack hr5515-115', 'UADMIN')).toContain('only banwatch');
    expect(await command('untrack s1-118', 'UADMIN')).toContain('Stopped tracking');
  });
});
