import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CommandRouter } from '../../src/commands/command-router.js';
import type { CommandContext } from '../../src/commands/command.js';
import { mentionsHandler } from '../../src/commands/handlers/mentions-handler.js';
import { createTriageService } from '../../src/commands/triage-service.js';
import type { Channel } from '../../src/domain/channel.js';
import { triageRef } from '../../src/domain/triage.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Stores } from '../../src/store/open-stores.js';
import { mutableClock } from '../support/mutable-clock.js';
import { sampleAlert } from '../support/sample-alert.js';
import { tempStores } from '../support/temp-stores.js';

/**
 * GIVEN a Slack channel subscribed from workspace T1 and one from T2, THEN mention rules and
 * button presses follow domain/tenancy.ts: only that channel's admins set rules, only its
 * workspace's members press, and each verdict is stored once.
 */
const clock = mutableClock('2026-12-01T10:00:00Z');
let stores: Stores;
const channels: Channel[] = [
  { id: 'mine', type: 'slack', channel: 'C0MINE001', origin: 'runtime', tenant: 'slack:T1' },
  { id: 'theirs', type: 'slack', channel: 'C0THEIRS1', origin: 'runtime', tenant: 'slack:T2' },
];
const channel = async (id: string) => channels.find((c) => c.id === id);
let router: CommandRouter;
beforeAll(async () => {
  stores = await tempStores(clock);
  router = new CommandRouter(
    [mentionsHandler({ rules: stores.mentionRules, channel, catalog: { resolve: () => undefined }, clock })],
    silentLogger(),
  );
});
afterAll(() => stores.close());

const admin = (tenant: string, channelId: string, place: string): CommandContext => ({
  actor: { platform: 'slack', id: 'UADMIN', isAdmin: true, tenant },
  channelId,
  place: { type: 'slack', channel: place },
});

describe('mentions commands', () => {
  it("lets a workspace admin set rules on its own channel and refuses another workspace's", async () => {
    const added = await router.handle(
      ['mentions', 'add', 'vendor:Hikvision', 'stage:enacted', 'ping:<!subteam^S0PROC001>'],
      admin('slack:T1', 'mine', 'C0MINE001'),
    );
    expect(added.code).toBeUndefined();
    const foreign = await router.handle(
      ['mentions', 'add', 'vendor:DJI', 'ping:<@U0A1>'],
      admin('slack:T1', 'theirs', 'C0MINE001'),
    );
    expect(foreign.code).toBe('NOT_YOURS');
    expect(await stores.mentionRules.list('theirs')).toEqual([]);
    const listed = await router.handle(['mentions', 'list'], admin('slack:T1', 'mine', 'C0MINE001'));
    expect(listed.sections[0]?.lines[0]?.text).toBe('1. vendor Hikvision, stage enacted → ping <!subteam^S0PROC001>');
  });

  it('refuses a Discord target on a Slack channel, an unknown stage, and removes by number', async () => {
    const ctx = admin('slack:T1', 'mine', 'C0MINE001');
    expect((await router.handle(['mentions', 'add', 'vendor:DJI', 'ping:role:700000000000000001'], ctx)).code).toBe(
      'BAD_PING',
    );
    expect((await router.handle(['mentions', 'add', 'stage:signed', 'ping:<@U0A1>'], ctx)).code).toBe('BAD_STAGE');
    expect((await router.handle(['mentions', 'remove', '2'], ctx)).code).toBe('NO_SUCH_RULE');
    expect((await router.handle(['mentions', 'remove', '1'], ctx)).code).toBeUndefined();
    expect(await stores.mentionRules.list('mine')).toEqual([]);
  });
});

describe('triage presses', () => {
  const alert = sampleAlert();
  const service = () =>
    createTriageService({
      verdicts: stores.triage,
      watch: stores.watch,
      alerts: stores.alerts,
      channel,
      clock,
      suggestMuteAfter: 3,
    });
  const member = (tenant: string, user = 'UMEMBER') => ({
    platform: 'slack' as const,
    id: user,
    isAdmin: false,
    tenant,
  });

  it('records once: two racing presses store one verdict and the loser changes nothing', async () => {
    await stores.alerts.record(alert);
    const press = {
      action: 'ack' as const,
      ref: triageRef(alert),
      channelId: 'mine',
      place: { type: 'slack' as const, channel: 'C0MINE001' },
    };
    const [a, b] = await Promise.all([
      service().press({ ...press, actor: member('slack:T1', 'U1') }),
      service().press({ ...press, actor: member('slack:T1', 'U2') }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['applied', 'unchanged']);
    expect(await stores.triage.list('ack')).toHaveLength(1);
  });

  it('refuses a member of another workspace, and a press on a message outside the channel', async () => {
    const ref = triageRef(alert);
    const stranger = await service().press({
      action: 'not-relevant',
      ref,
      actor: member('slack:T2'),
      channelId: 'mine',
      place: { type: 'slack', channel: 'C0MINE001' },
    });
    expect(stranger).toMatchObject({ status: 'refused', code: 'NOT_MEMBER' });
    const elsewhere = await service().press({
      action: 'not-relevant',
      ref,
      actor: member('slack:T1'),
      channelId: 'mine',
      place: { type: 'slack', channel: 'C0OTHER01' },
    });
    expect(elsewhere.code).toBe('NOT_MEMBER');
    expect(await stores.triage.list('not-relevant')).toEqual([]);
  });

  it('refuses presses from a workspace the install does not allow', async () => {
    const limited = createTriageService({
      verdicts: stores.triage,
      watch: stores.watch,
      alerts: stores.alerts,
      channel,
      clock,
      suggestMuteAfter: 3,
      allowed: { slackTeams: ['T2'] },
    });
    const press = await limited.press({
      action: 'not-relevant',
      ref: triageRef(alert),
      actor: member('slack:T1'),
      channelId: 'mine',
      place: { type: 'slack', channel: 'C0MINE001' },
    });
    expect(press.code).toBe('NOT_ALLOWED_TENANT');
  });

  it('refuses an alert it does not know, recording nothing', async () => {
    const unknown = await service().press({
      action: 'ack',
      ref: '00000000deadbeef',
      actor: member('slack:T1'),
      channelId: 'mine',
      place: { type: 'slack', channel: 'C0MINE001' },
    });
    expect(unknown.code).toBe('UNKNOWN_ALERT');
  });
});
