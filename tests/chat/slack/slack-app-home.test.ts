import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Alert } from '../../../src/domain/alert.js';
import { outboxKey } from '../../../src/domain/outbox.js';
import type { Channel } from '../../../src/domain/channel.js';
import { signedPost, startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import { startFakeSocketServer } from '../../fakes/slack-socket-server.js';
import { sampleAlert } from '../../support/sample-alert.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';

/**
 * GIVEN the Slack app (real Bolt, real WebClient, a real SQLite store) serving two workspaces:
 * its own (T0TEST: a config channel and a subscribed one) and another (TRIVAL), each with watch
 * terms and delivered alerts
 * WHEN someone opens banwatch's Home tab (an app_home_opened event over HTTP or Socket Mode)
 * THEN views.publish gets a Home view of that person's workspace only: its subscriptions, the
 * alerts delivered to them and the vendors they follow, within Slack's 100 blocks.
 */
const SECRET = 'test-signing-secret-home';
const TOKEN = 'xoxb-test-home-token';
const OURS: Channel = {
  id: 'acme-alerts',
  type: 'slack',
  channel: 'C0ACME',
  origin: 'runtime',
  tenant: 'slack:T0TEST',
};
const THEIRS: Channel = {
  id: 'rival-secret',
  type: 'slack',
  channel: 'C0RIVAL',
  origin: 'runtime',
  tenant: 'slack:TRIVAL',
  vendors: ['Quectel'],
};
const CONFIGURED: Channel = { id: 'security', type: 'slack', channel: 'C0SEC', origin: 'config' };

/** Puts an alert in the log and records it delivered to each channel, as the delivery worker does. */
async function delivered(app: SlackHarness, alert: Alert, channelIds: string[]): Promise<void> {
  await app.stores.alerts.record(alert);
  for (const channelId of channelIds) {
    const entry = {
      key: outboxKey(channelId, alert.id),
      channelId,
      payload: { type: 'alert' as const, alert },
      attempts: 0,
      createdAt: alert.createdAt,
      nextAttemptAt: alert.createdAt,
    };
    await app.stores.outbox.enqueue([entry]);
    await app.stores.outbox.markDelivered(entry, { at: alert.createdAt });
  }
}

async function seed(app: SlackHarness): Promise<void> {
  await app.stores.channels.put(OURS);
  await app.stores.channels.put(THEIRS);
  const at = '2026-11-01T00:00:00.000Z';
  await app.stores.watch.replace('acme-alerts', [{ term: 'Unitree', mode: 'vendor', addedAt: at }]);
  await app.stores.watch.replace('rival-secret', [{ term: 'SecretSupplierX', mode: 'vendor', addedAt: at }]);
  await delivered(app, sampleAlert({ id: 'a:ours', title: 'FCC adds DJI to the Covered List' }), ['security']);
  await delivered(app, sampleAlert({ id: 'a:theirs', title: 'Rival-only alert about Quectel' }), ['rival-secret']);
  await delivered(app, sampleAlert({ id: 'a:both', title: 'Entity List adds Unitree' }), [
    'acme-alerts',
    'rival-secret',
  ]);
}

const textOf = (view: { blocks: unknown[] }) => JSON.stringify(view.blocks);

const event = (team: string, user: string) => ({
  token: 'x',
  team_id: team,
  api_app_id: 'A0TEST',
  type: 'event_callback',
  event_id: `Ev${team}${user}${Date.now()}`,
  event_time: Math.floor(Date.now() / 1000),
  event: { type: 'app_home_opened', user, channel: 'D0HOME', tab: 'home', event_ts: `${Date.now() / 1000}` },
});

describe('Slack Home tab over HTTP', () => {
  let slack: FakeSlackApi;
  let app: SlackHarness;
  beforeAll(async () => {
    slack = await startFakeSlackApi({ botToken: TOKEN });
    slack.user('UMEMBER', {});
    slack.user('URIVAL', {});
    app = await startSlackHarness(
      { botToken: TOKEN, signingSecret: SECRET, apiUrl: slack.url },
      { configured: [CONFIGURED] },
    );
    await seed(app);
  });
  afterAll(async () => {
    await app.close();
    await slack.close();
  });
  beforeEach(() => {
    slack.calls.length = 0;
  });

  async function open(team: string, user: string) {
    const timestamp = Math.floor(app.clock.now().getTime() / 1000);
    const result = await signedPost(app.eventsUrl ?? '', SECRET, JSON.stringify(event(team, user)), {
      timestamp,
      contentType: 'application/json',
    });
    expect(result.status).toBe(200);
    return slack.waitFor(() => slack.homeViews(user).at(-1));
  }

  it("publishes the workspace's own subscriptions, alerts and vendors, and nothing of another workspace", async () => {
    const view = await open('T0TEST', 'UMEMBER');
    const text = textOf(view);
    expect(slack.callsTo('views.publish').map((c) => [c.token, c.body.user_id])).toEqual([[TOKEN, 'UMEMBER']]);
    // The config channel belongs to the workspace of the bot's token; the subscribed one to its own.
    for (const shown of ['security', '<#C0SEC>', 'acme-alerts', '<#C0ACME>', 'Unitree']) expect(text).toContain(shown);
    for (const shown of ['FCC adds DJI to the Covered List', 'Entity List adds Unitree']) expect(text).toContain(shown);
    for (const hidden of ['rival-secret', 'C0RIVAL', 'SecretSupplierX', 'Quectel', 'Rival-only alert'])
      expect(text).not.toContain(hidden);
  });

  it("shows the other workspace only its own, never the install's config channel", async () => {
    const view = await open('TRIVAL', 'URIVAL');
    const text = textOf(view);
    for (const shown of ['rival-secret', 'SecretSupplierX', 'Quectel', 'Rival-only alert', 'Entity List adds Unitree'])
      expect(text).toContain(shown);
    for (const hidden of ['security', 'C0SEC', 'acme-alerts', 'C0ACME', 'FCC adds DJI'])
      expect(text).not.toContain(hidden);
  });

  it('stays within 100 blocks when a channel follows a thousand vendors', async () => {
    const at = '2026-11-01T00:00:00.000Z';
    const many = Array.from({ length: 1_000 }, (_, i) => ({
      term: `Supplier ${String(i).padStart(4, '0')}`,
      mode: 'vendor' as const,
      addedAt: at,
    }));
    await app.stores.watch.replace('acme-alerts', many);
    for (let i = 0; i < 40; i++) await app.stores.channels.put({ ...OURS, id: `acme-${i}`, channel: `C0ACME${i}` });
    const view = await open('T0TEST', 'UMEMBER');
    expect(view.blocks.length).toBeLessThanOrEqual(100);
    const text = textOf(view);
    expect(text).toMatch(/and \d+ more \(`\/banwatch watch export`\)/);
    expect(text).toContain('and 12 more channels');
    expect(text).toContain('1000 watch terms');
  });
});

describe('Slack Home tab over Socket Mode', () => {
  it('publishes the Home view for an app_home_opened envelope', async () => {
    const slack = await startFakeSlackApi({ botToken: TOKEN, appToken: 'xapp-1-home' });
    const sockets = await startFakeSocketServer();
    slack.socketUrl = sockets.url;
    slack.user('UMEMBER', {});
    const app = await startSlackHarness(
      { botToken: TOKEN, appToken: 'xapp-1-home', apiUrl: slack.url },
      { configured: [CONFIGURED] },
    );
    try {
      await seed(app);
      await sockets.connected();
      await sockets.deliver('events_api', event('T0TEST', 'UMEMBER'));
      const view = await slack.waitFor(() => slack.homeViews('UMEMBER').at(-1));
      expect(textOf(view)).toContain('FCC adds DJI to the Covered List');
      expect(textOf(view)).not.toContain('rival-secret');
    } finally {
      await app.close();
      await sockets.close();
      await slack.close();
    }
  });
});
