import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext } from '../../src/commands/command.js';
import { statusHandler, type SourceInfo } from '../../src/commands/handlers/status-handler.js';
import { CHAT_LIST_LINES } from '../../src/commands/reply.js';
import type { Alert } from '../../src/domain/alert.js';
import type { Channel } from '../../src/domain/channel.js';
import { emptyFeedState, type FeedState } from '../../src/domain/feed-state.js';
import type { OutboxEntry } from '../../src/domain/outbox.js';
import type { Stores } from '../../src/store/open-stores.js';
import { mutableClock } from '../support/mutable-clock.js';
import { tempStores } from '../support/temp-stores.js';

/** Issue 24: `status` at thousands of sources, where a chat message cannot hold them all. */
const clock = mutableClock('2026-12-07T05:00:00Z');
const SOURCES = 120;
const sources: SourceInfo[] = Array.from({ length: SOURCES }, (_, n) => ({
  id: `feed-${n}`,
  name: `Feed ${n}`,
  type: 'rss',
  intervalMs: 600_000,
}));
let stores: Stores;

beforeAll(async () => {
  stores = await tempStores(clock);
  const at = clock.now().toISOString();
  for (const source of sources) await stores.feeds.put({ ...emptyFeedState(source.id), lastSuccessAt: at });
  const failing = (id: string, failures: number): FeedState => ({
    ...emptyFeedState(id),
    failures,
    lastError: { kind: 'http-5xx' as const, message: 'HTTP 503', at },
  });
  await stores.feeds.put(failing('feed-7', 1));
  await stores.feeds.put(failing('feed-50', 3));
  await stores.feeds.put({ ...failing('feed-100', 10), pausedAt: at });
});
afterAll(async () => {
  await stores?.close();
});

async function status(context: CommandContext, args: string[] = []) {
  const handler = statusHandler({
    sources: () => Promise.resolve(sources),
    feeds: stores.feeds,
    outbox: stores.outbox,
    clock,
    storeKind: 'sqlite',
  });
  return handler.run(args, context);
}

describe('status', () => {
  it('answers chat with the sources in trouble first, as many as fit, and the outbox after them', async () => {
    const answer = await status({ actor: { platform: 'slack', id: 'U1', isAdmin: true, operator: true } });
    const [listed, outbox] = answer.sections;
    expect(listed?.heading).toBe(`Sources (${SOURCES}, 3 failing, 1 paused)`);
    expect(listed?.lines).toHaveLength(CHAT_LIST_LINES + 1);
    expect(listed?.lines.slice(0, 3).map((l) => l.text.split(' ')[0])).toEqual(['feed-100', 'feed-50', 'feed-7']);
    expect(listed?.lines.at(-1)?.text).toMatch(/and 70 more, not listed here/);
    expect(outbox?.heading).toBe('Outbox');
  });

  it("counts a workspace's own waiting alerts only, read per channel", async () => {
    const channels: Channel[] = [
      { id: 'ours', type: 'slack', channel: 'C1', origin: 'runtime', tenant: 'slack:T1' },
      { id: 'theirs', type: 'slack', channel: 'C2', origin: 'runtime', tenant: 'slack:T2' },
    ];
    const at = clock.now().toISOString();
    const entry = (channelId: string, n: number): OutboxEntry => ({
      key: `${channelId}:${n}`,
      channelId,
      payload: { type: 'alert', alert: { id: `a${n}` } as Alert },
      attempts: 0,
      createdAt: at,
      nextAttemptAt: at,
    });
    await stores.outbox.enqueue([entry('ours', 1), entry('theirs', 2), entry('theirs', 3), entry('theirs', 4)]);
    const handler = statusHandler({
      sources: () => Promise.resolve([]),
      feeds: stores.feeds,
      outbox: stores.outbox,
      channels: () => Promise.resolve(channels),
      clock,
      storeKind: 'sqlite',
    });
    const outboxLine = async (context: CommandContext) =>
      (await handler.run([], context)).sections.find((s) => s.heading === 'Outbox')?.lines[0]?.text;
    const member = { actor: { platform: 'slack' as const, id: 'U2', isAdmin: false, tenant: 'slack:T1' } };
    expect(await outboxLine(member)).toMatch(/^1 waiting/);
    const operator = { actor: { platform: 'slack' as const, id: 'U1', isAdmin: true, operator: true } };
    expect(await outboxLine(operator)).toMatch(/^4 waiting/);
  });

  it('lists every source in its configured order on the CLI', async () => {
    const answer = await status({ actor: { platform: 'cli', id: 'cli', isAdmin: true } });
    const lines = answer.sections[0]?.lines ?? [];
    expect(lines.map((l) => l.text.split(' ')[0])).toEqual(sources.map((s) => s.id));
  });
});

describe('words a command does not read', () => {
  it('refuses an unknown option or a stray word instead of ignoring it', async () => {
    const cli: CommandContext = { actor: { platform: 'cli', id: 'cli', isAdmin: true } };
    await expect(status(cli, ['--jsno'])).rejects.toMatchObject({ code: 'UNKNOWN_FLAG' });
    await expect(status(cli, ['extra'])).rejects.toMatchObject({ code: 'TOO_MANY_WORDS' });
  });
});
