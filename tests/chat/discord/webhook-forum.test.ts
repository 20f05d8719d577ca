import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDiscordWebhookNotifier } from '../../../src/chat/discord/discord-webhook-notifier.js';
import type { Channel } from '../../../src/domain/channel.js';
import type { DeliveryOutcome } from '../../../src/domain/notifier.js';
import { startWebhookServer, type WebhookServer } from '../../fakes/webhook-server.js';
import { sampleAlert } from '../../support/sample-alert.js';
import { sampleDigest } from '../../support/sample-digest.js';

/**
 * A Discord webhook made in a forum channel: Discord refuses a plain post there (220001), so
 * without thread_name every alert to it was a dead letter. The fake answers as Discord does.
 */
let hooks: WebhookServer;
beforeAll(async () => {
  hooks = await startWebhookServer();
});
afterAll(() => hooks.close());

const channel = (path: string): Channel => ({
  id: 'forum',
  type: 'discord-webhook',
  url: hooks.url(path),
  origin: 'config',
});
const story = (stage: 'passed-one-chamber' | 'enacted', id: string) =>
  sampleAlert({
    id,
    title: stage === 'enacted' ? 'Secure Equipment Act signed into law' : 'House passes Secure Equipment Act',
    thread: { key: 'bill:hr3919-117', label: 'H.R.3919 (117th)', stage, conclusive: stage === 'enacted' },
  });
const refOf = (outcome: DeliveryOutcome) => (outcome.status === 'delivered' ? outcome.ref : undefined);
const sent = (path: string) =>
  hooks.posts
    .filter((post) => post.path === path)
    .map((post) => ({
      status: post.status,
      threadId: new URLSearchParams(post.query).get('thread_id'),
      threadName: (post.body as { thread_name?: string }).thread_name,
    }));

describe('discord-webhook notifier in a forum channel', () => {
  it('opens a post named after the story, then writes the later stage into that post', async () => {
    const forum = hooks.forum('/forum-a');
    const notifier = createDiscordWebhookNotifier();
    const first = await notifier.send(story('passed-one-chamber', 'a1'), channel('/forum-a'));
    expect(first).toMatchObject({ status: 'delivered', ref: { platform: 'discord-webhook' } });
    const thread = refOf(first)?.channel;
    expect(thread && forum.threads.has(thread)).toBe(true);
    const second = await notifier.send(story('enacted', 'a2'), channel('/forum-a'), refOf(first));
    expect(second).toMatchObject({ status: 'delivered', ref: { channel: thread } });
    expect(sent('/forum-a')).toEqual([
      { status: 400, threadId: null, threadName: undefined },
      { status: 200, threadId: null, threadName: 'H.R.3919 (117th): House passes Secure Equipment Act' },
      { status: 200, threadId: thread, threadName: undefined },
    ]);
    // Known to be a forum's now: the next alert opens its post at once.
    await notifier.send(sampleAlert({ id: 'a3' }), channel('/forum-a'));
    expect(sent('/forum-a').at(-1)).toMatchObject({ status: 200, threadName: expect.any(String) as string });
    expect(sent('/forum-a')).toHaveLength(4);
  });

  it('opens a new post when the story post was deleted, and says so for the thread store', async () => {
    const forum = hooks.forum('/forum-b');
    const notifier = createDiscordWebhookNotifier();
    const first = refOf(await notifier.send(story('passed-one-chamber', 'b1'), channel('/forum-b')));
    forum.threads.clear();
    const again = await notifier.send(story('enacted', 'b2'), channel('/forum-b'), first);
    expect(again).toMatchObject({ status: 'delivered', newThread: true });
    expect(refOf(again)?.channel).not.toBe(first?.channel);
  });

  it('in a new process (cron), learns the forum and still replaces a deleted story post', async () => {
    const forum = hooks.forum('/forum-e');
    const first = refOf(
      await createDiscordWebhookNotifier().send(story('passed-one-chamber', 'e1'), channel('/forum-e')),
    );
    forum.threads.clear();
    const fresh = createDiscordWebhookNotifier();
    const again = await fresh.send(story('enacted', 'e2'), channel('/forum-e'), first);
    expect(again).toMatchObject({ status: 'delivered', newThread: true });
    expect(sent('/forum-e').map((post) => post.status)).toEqual([400, 200, 400, 404, 200]);
  });

  it('posts digests and notices as posts of their own', async () => {
    hooks.forum('/forum-c');
    const notifier = createDiscordWebhookNotifier();
    expect((await notifier.digest(sampleDigest([sampleAlert()]), channel('/forum-c'))).status).toBe('delivered');
    const notice = { id: 'n1', title: 'Feed paused', text: 'after 5 failures', createdAt: '2026-03-29T06:30:00Z' };
    expect((await notifier.notify(notice, channel('/forum-c'))).status).toBe('delivered');
    expect(
      sent('/forum-c')
        .filter((post) => post.status === 200)
        .map((post) => post.threadName),
    ).toEqual([expect.stringContaining('digest') as string, 'Feed paused']);
  });

  it('dead-letters with the fix when the forum requires a tag, which a webhook cannot set', async () => {
    hooks.forum('/forum-d', { requireTag: true });
    const outcome = await createDiscordWebhookNotifier().send(sampleAlert(), channel('/forum-d'));
    expect(outcome).toMatchObject({ status: 'rejected' });
    expect(outcome.status === 'rejected' && outcome.reason).toContain("make the forum's tags optional");
  });

  it('leaves a plain channel webhook as it was: one post, no thread name', async () => {
    const outcome = await createDiscordWebhookNotifier().send(sampleAlert(), channel('/plain'));
    expect(outcome.status).toBe('delivered');
    expect(sent('/plain')).toEqual([{ status: 200, threadId: null, threadName: undefined }]);
  });
});
