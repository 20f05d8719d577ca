/**
 * The channel directory answers every slash command and button press ("which banwatch channel is
 * this Slack channel?"). It must find a subscribed channel by its id, never by reading every
 * subscribed channel: at 10,000 of them that read was each command's cost (issue 24).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { runtimeChannelId, type Channel } from '../../src/domain/channel.js';
import { systemClock } from '../../src/domain/clock.js';
import type { ChannelRegistry } from '../../src/domain/ports.js';
import { channelDirectory } from '../../src/pipeline/channel-directory.js';
import type { Stores } from '../../src/store/open-stores.js';
import { tempStores } from '../support/temp-stores.js';

const configured: Channel[] = [
  { id: 'ops', type: 'slack', channel: 'C0CONFIG', origin: 'config' },
  { id: 'ops-again', type: 'slack', channel: 'C0CONFIG', origin: 'config' },
  { id: 'slack-C0CLASH', type: 'console', origin: 'config' },
];

const subscribed = (type: 'slack' | 'discord', platformChannel: string, tenant: string): Channel => ({
  id: runtimeChannelId(type, platformChannel),
  type,
  channel: platformChannel,
  origin: 'runtime',
  tenant,
});

let stores: Stores | undefined;
afterEach(async () => {
  await stores?.close();
  stores = undefined;
});

/** The real store's registry, counting how often the whole list is read. */
async function countingRegistry(): Promise<{ registry: ChannelRegistry; lists: () => number }> {
  stores = await tempStores(systemClock);
  const real = stores.channels;
  let lists = 0;
  const registry: ChannelRegistry = {
    list: async () => {
      lists++;
      return real.list();
    },
    get: (id) => real.get(id),
    put: (channel) => real.put(channel),
    remove: (id) => real.remove(id),
    forTenant: (tenant) => real.forTenant(tenant),
  };
  return { registry, lists: () => lists };
}

describe('the channel directory', () => {
  it('finds a subscribed channel by its platform channel and by its id without reading them all', async () => {
    const { registry, lists } = await countingRegistry();
    for (let n = 0; n < 50; n++) await registry.put(subscribed('slack', `C${n}`, 'slack:T1'));
    await registry.put(subscribed('discord', '9001', 'discord:G1'));
    const directory = channelDirectory(configured, registry);

    expect(await directory.forPlatform('slack', 'C7')).toMatchObject({ id: 'slack-C7', tenant: 'slack:T1' });
    expect(await directory.forPlatform('discord', '9001')).toMatchObject({ id: 'discord-9001', type: 'discord' });
    expect(await directory.get('slack-C42')).toMatchObject({ channel: 'C42' });
    // A Discord channel with a Slack channel's id is not that channel.
    expect(await directory.forPlatform('discord', 'C7')).toBeUndefined();
    expect(await directory.forPlatform('slack', 'C-UNKNOWN')).toBeUndefined();
    expect(lists()).toBe(0);
    expect(await directory.all()).toHaveLength(configured.length + 51);
    expect(lists()).toBe(1);
  });

  it('gives a config channel first, in config order, and hides a subscribed one that shares its id', async () => {
    const { registry } = await countingRegistry();
    await registry.put(subscribed('slack', 'C0CONFIG', 'slack:T1'));
    await registry.put(subscribed('slack', 'C0CLASH', 'slack:T1'));
    const directory = channelDirectory(configured, registry);

    expect(await directory.forPlatform('slack', 'C0CONFIG')).toMatchObject({ id: 'ops', origin: 'config' });
    expect(await directory.get('ops-again')).toMatchObject({ origin: 'config' });
    // The config file's "slack-C0CLASH" is a console channel: the subscription by that id is hidden everywhere.
    expect(await directory.forPlatform('slack', 'C0CLASH')).toBeUndefined();
    expect(await directory.get('slack-C0CLASH')).toMatchObject({ type: 'console', origin: 'config' });
    expect((await directory.all()).filter((c) => c.id === 'slack-C0CLASH')).toHaveLength(1);
  });

  it("gives a member their tenant's channels, the config ones and the one they type in, without reading them all", async () => {
    const { registry, lists } = await countingRegistry();
    for (let n = 0; n < 30; n++) await registry.put(subscribed('slack', `A${n}`, 'slack:TA'));
    for (let n = 0; n < 30; n++) await registry.put(subscribed('slack', `B${n}`, 'slack:TB'));
    await registry.put(subscribed('discord', '9001', 'discord:G1'));
    const directory = channelDirectory(configured, registry);
    const member = { operator: false, admin: false, tenant: 'slack:TA' };

    const mine = await directory.concerning(member);
    expect(mine.filter((c) => c.origin === 'runtime')).toHaveLength(30);
    expect(mine.every((c) => c.origin === 'config' || c.tenant === 'slack:TA')).toBe(true);
    // Typing in another workspace's channel (a shared one) brings that channel, and only it.
    const there = await directory.concerning(member, { type: 'slack', channel: 'B7' });
    expect(there.filter((c) => c.tenant === 'slack:TB').map((c) => c.id)).toEqual(['slack-B7']);
    expect((await directory.ofTenant('discord:G1')).filter((c) => c.origin === 'runtime')).toHaveLength(1);
    expect(lists()).toBe(0);
    // An operator sees the install: the one whole read.
    expect(await directory.concerning({ operator: true, admin: true })).toHaveLength(configured.length + 61);
    expect(lists()).toBe(1);
  });
});
