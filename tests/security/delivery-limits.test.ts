import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackWebClient } from '../../src/chat/slack/slack-client.js';
import { createSlackNotifier } from '../../src/chat/slack/slack-notifier.js';
import { replyBlocks } from '../../src/chat/slack/reply-blocks.js';
import { line, reply } from '../../src/commands/reply.js';
import type { Channel } from '../../src/domain/channel.js';
import { outboxKey } from '../../src/domain/outbox.js';
import { deliverDue } from '../../src/pipeline/delivery-worker.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Stores } from '../../src/store/open-stores.js';
import { blocksOf, startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.js';
import { withinBlockLimits } from '../fakes/slack-block-limits.js';
import { mutableClock } from '../support/mutable-clock.js';
import { sampleAlert } from '../support/sample-alert.js';
import { tempStores } from '../support/temp-stores.js';

/**
 * Finding D: a Slack section over 3,000 characters (a long link) was refused by Slack
 * (`invalid_blocks`, which the fake Slack enforces like the real one) and the alert
 * dead-lettered. Now every piece is cut to its block's limit whatever its shape.
 */
const TOKEN = 'xoxb-limits-token';
const clock = mutableClock('2026-11-01T12:00:00Z');
let slack: FakeSlackApi;
let stores: Stores;
const channel: Channel = { id: 'security', type: 'slack', channel: 'C0SEC', origin: 'config' };

beforeAll(async () => {
  slack = await startFakeSlackApi({ botToken: TOKEN });
});
afterAll(() => slack.close());
beforeEach(async () => {
  stores = await tempStores(clock);
  slack.calls.length = 0;
});

const longLink = `https://news.example/story?${'utm_campaign=x&'.repeat(260)}id=1`;
const shapes = {
  'a 3,900-character link': sampleAlert({ id: 'src:long-link', link: longLink }),
  'a title of 900 ampersands': sampleAlert({ id: 'src:amps', title: `Hikvision ${'&'.repeat(900)} banned` }),
  'a 2,990-character link and a long title': sampleAlert({
    id: 'src:edge',
    link: `https://news.example/${'a'.repeat(2_968)}`,
    title: 'FCC bans new Hikvision and Dahua equipment '.repeat(20),
  }),
  'a source name of 5,000 <angle> brackets': sampleAlert({ id: 'src:source', sourceName: '<>'.repeat(2_500) }),
};

describe('D: text is cut to Slack limits whatever its shape', () => {
  it.each(Object.entries(shapes))('delivers an alert with %s instead of dead-lettering it', async (_shape, alert) => {
    const key = outboxKey(channel.id, alert.id);
    const now = clock.now().toISOString();
    await stores.outbox.enqueue([
      {
        key,
        channelId: channel.id,
        payload: { type: 'alert', alert },
        attempts: 0,
        createdAt: now,
        nextAttemptAt: now,
      },
    ]);
    const notifier = createSlackNotifier({
      client: createSlackWebClient(TOKEN, slack.url, silentLogger()),
      logger: silentLogger(),
    });
    const report = await deliverDue({
      outbox: stores.outbox,
      threads: stores.threads,
      clock,
      logger: silentLogger(),
      notifierFor: () => notifier,
      channel: async () => channel,
      maxAttempts: 5,
    });
    expect(report).toMatchObject({ delivered: 1, dead: 0 });
    const blocks = blocksOf(slack.posts('C0SEC').at(-1));
    expect(withinBlockLimits(blocks)).toBe(true);
    expect(JSON.stringify(blocks)).toContain('Hikvision');
  });

  it('cuts command answers with long links to section limits too', () => {
    const answer = reply('Feeds', [
      { lines: [line('a feed with a very long address', longLink), line('&'.repeat(3_000)), line('plain')] },
    ]);
    const rendered = replyBlocks(answer);
    expect(withinBlockLimits(rendered.blocks as never)).toBe(true);
    expect(JSON.stringify(rendered.blocks)).toContain('a feed with a very long address');
  });
});
