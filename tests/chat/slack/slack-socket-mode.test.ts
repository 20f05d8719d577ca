import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackPlatform } from '../../../src/chat/slack/slack-platform.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { startFakeSlackApi, type FakeSlackApi, type SlackBody } from '../../fakes/slack-api.js';
import { blockActionPayload } from '../../fakes/slack-interactions.js';
import { sampleAlert } from '../../support/sample-alert.js';
import { startFakeSocketServer, type FakeSocketServer } from '../../fakes/slack-socket-server.js';
import { mutableClock } from '../../support/mutable-clock.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';

/**
 * GIVEN an app-level token, the Slack app connects in Socket Mode: apps.connections.open on the
 * fake Web API hands out a local ws:// URL, Bolt's SocketModeReceiver connects to it
 * WHEN a slash_commands envelope arrives over the socket
 * THEN it is acked over the socket (by envelope id) and answered through response_url.
 */
const BOT = 'xoxb-test-socket-token';
const APP = 'xapp-1-test-app-token';
let slack: FakeSlackApi;
let sockets: FakeSocketServer;
let app: SlackHarness;

beforeAll(async () => {
  slack = await startFakeSlackApi({ botToken: BOT, appToken: APP });
  sockets = await startFakeSocketServer();
  slack.socketUrl = sockets.url;
  slack.user('UADMIN', { is_admin: true });
  app = await startSlackHarness(
    { botToken: BOT, appToken: APP, apiUrl: slack.url },
    { configured: [{ id: 'security', type: 'slack', channel: 'C0SEC', origin: 'config' }] },
  );
});
afterAll(async () => {
  await app?.close();
  await sockets.close();
  await slack.close();
});

const slashCommand = (text: string, user: string, responseId: string) => ({
  token: 'x',
  team_id: 'T0TEST',
  team_domain: 'banwatch-test',
  channel_id: 'C0SEC',
  channel_name: 'security',
  user_id: user,
  user_name: user.toLowerCase(),
  command: '/banwatch',
  text,
  api_app_id: 'A0TEST',
  response_url: slack.responseUrl(responseId),
  trigger_id: '1.2.3',
});

describe('Socket Mode', () => {
  it('connects with the app token through apps.connections.open, with no HTTP route', async () => {
    await sockets.connected();
    expect(app.platform.routes).toEqual([]);
    expect(app.eventsUrl).toBeUndefined();
    const open = slack.callsTo('apps.connections.open');
    expect(open.map((c) => [c.token, c.outcome])).toEqual([[APP, 'ok']]);
    expect(slack.callsTo('auth.test').map((c) => c.token)).toEqual([BOT]);
  });

  it('acks a slash command over the socket at once and answers `vendor hikvision` through response_url', async () => {
    const ack = await sockets.deliver('slash_commands', slashCommand('vendor hikvision', 'UMEMBER', 'sm1'));
    expect(ack.payload).toEqual({});
    expect(ack.ms).toBeLessThan(3_000);
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === 'sm1'));
    expect(answer.body.response_type).toBe('ephemeral');
    expect(JSON.stringify(answer.body.blocks)).toMatch(
      /Section 889[\s\S]*FCC Covered List|FCC Covered List[\s\S]*Section 889/,
    );
  });

  it('runs admin changes over the socket too, confirmed in the channel', async () => {
    await sockets.deliver('slash_commands', slashCommand('watch add Unitree', 'UADMIN', 'sm2'));
    const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === 'sm2'));
    expect(answer.body).toMatchObject({ response_type: 'in_channel', text: 'Watch term "Unitree" added in security' });
    expect((await app.stores.watch.list('security')).map((t) => t.term)).toEqual(['Unitree']);
  });

  it('applies an alert button pressed over the socket once, shown with chat.update', async () => {
    const alert = sampleAlert();
    await app.stores.alerts.record(alert);
    const channel = { id: 'security', type: 'slack' as const, channel: 'C0SEC', origin: 'config' as const };
    expect((await app.platform.notifier.send(alert, channel)).status).toBe('delivered');
    const message = slack.posts('C0SEC').at(-1) as SlackBody;
    const press = (id: string) =>
      blockActionPayload({
        message,
        ts: slack.postedTs('C0SEC').at(-1) as string,
        actionId: 'bw_triage:ack',
        user_id: 'UMEMBER',
        channel_id: 'C0SEC',
        response_url: slack.responseUrl(id),
      });
    await sockets.deliver('interactive', press('sm-press1'));
    const update = await slack.waitFor(() => slack.updates('C0SEC')[0]);
    expect(JSON.stringify(update.blocks)).toContain('Acknowledged by umember at');
    await sockets.deliver('interactive', press('sm-press2'));
    await slack.waitFor(() => slack.responses.find((r) => r.id === 'sm-press2'));
    expect(slack.updates('C0SEC')).toHaveLength(1);
    expect(await app.stores.triage.list('ack')).toHaveLength(1);
  });

  it('closes the socket on stop', async () => {
    const before = sockets.received.length;
    await app.close();
    app = undefined as unknown as SlackHarness;
    await expect(sockets.deliver('slash_commands', slashCommand('help', 'UMEMBER', 'sm3'), 500)).rejects.toThrow();
    expect(sockets.received).toHaveLength(before);
  });
});

describe('start-up checks', () => {
  it('fails start with a clear error when Slack refuses the bot token, without printing it', async () => {
    const platform = createSlackPlatform(
      { botToken: 'xoxb-wrong-token-123456', appToken: APP, apiUrl: slack.url },
      {
        router: undefined as never,
        clock: mutableClock(),
        logger: silentLogger(),
        admins: [],
        channelFor: async () => undefined,
        completeVendor: () => [],
      },
    );
    const failure = platform.start();
    await expect(failure).rejects.toThrow('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
    await expect(failure).rejects.not.toThrow('xoxb-wrong');
    await platform.stop();
  });
});
