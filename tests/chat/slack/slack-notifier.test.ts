import type { InstrumentStage } from '../../../src/domain/bill-stage.js';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackWebClient } from '../../../src/chat/slack/slack-client.js';
import { createSlackNotifier } from '../../../src/chat/slack/slack-notifier.js';
import type { Channel } from '../../../src/domain/channel.js';
import type { Notifier } from '../../../src/domain/notifier.js';
import { silentLogger } from '../../../src/shared/logger.js';
import { blocksOf, blockText, startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import { sampleAlert } from '../../support/sample-alert.js';

const TOKEN = 'xoxb-test-notifier-token';
let slack: FakeSlackApi;
let notifier: Notifier;

const channel = (id = 'C0SEC'): Channel => ({ id: 'security', type: 'slack', channel: id, origin: 'config' });
const billAlert = (stage: InstrumentStage, conclusive: boolean) =>
  sampleAlert({
    id: `congress:${stage}`,
    title: `H.R.5515 ${stage}`,
    thread: { key: 'bill:hr5515-115', label: 'H.R.5515 (115th)', stage, conclusive },
  });

beforeAll(async () => {
  slack = await startFakeSlackApi({ botToken: TOKEN });
});
afterAll(() => slack.close());
beforeEach(() => {
  slack.calls.length = 0;
  // The real WebClient, configured as banwatch configures it: no retries, rate limits thrown.
  notifier = createSlackNotifier({
    client: createSlackWebClient(TOKEN, slack.url, silentLogger()),
    logger: silentLogger(),
  });
});

describe('Slack notifier: alerts as Block Kit', () => {
  it('posts header, linked title, source and date, stage and jurisdiction, reasons, a fallback and no unfurling', async () => {
    const outcome = await notifier.send(sampleAlert(), channel());
    expect(outcome).toEqual({
      status: 'delivered',
      ref: { platform: 'slack', id: expect.stringMatching(/^\d+\.\d+$/) as string, channel: 'C0SEC' },
    });
    const [call] = slack.callsTo('chat.postMessage');
    expect(call?.token).toBe(TOKEN);
    const body = call?.body ?? {};
    expect(body).toMatchObject({ channel: 'C0SEC', unfurl_links: false, unfurl_media: false });
    expect(body.text).toBe('Hikvision, Dahua · Ban: FCC bans new Hikvision and Dahua equipment authorizations');
    const blocks = blocksOf(body);
    expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'context', 'context', 'actions']);
    expect(blocks[0]?.text).toEqual({ type: 'plain_text', text: 'Hikvision, Dahua · Ban', emoji: false });
    expect(blockText(body, 1)).toBe(
      '*<https://therecord.media/fcc-bans-hikvision-dahua|FCC bans new Hikvision and Dahua equipment authorizations>*',
    );
    const facts = blocks[2]?.elements?.map((e) => e.text);
    expect(facts).toEqual([
      '*Source:* therecord.media · 2022-11-25',
      '*Stage:* rule or order · *Jurisdiction:* US-federal',
    ]);
    expect(blocks[3]?.elements).toHaveLength(1);
    expect(blocks[3]?.elements?.[0]?.text).toBe(
      'Why: vendor "Hikvision"; ban cue "bans"; jurisdiction US-federal: "FCC"',
    );
    expect(body.thread_ts).toBeUndefined();
  });

  it('escapes feed text so a title can never ping or inject a link', async () => {
    const hostile = sampleAlert({
      title: '<!channel> <@U123> <https://evil.example|click> & more',
      sourceName: '<!here> feed',
    });
    expect((await notifier.send(hostile, channel())).status).toBe('delivered');
    const body = slack.posts('C0SEC').at(-1) ?? {};
    const json = JSON.stringify({ text: body.text, blocks: blocksOf(body).slice(1) });
    expect(json).not.toMatch(/<!channel>|<@U123>|<!here>|<https:\/\/evil/);
    expect(body.text).toContain('&lt;!channel&gt; &lt;@U123&gt;');
    expect(blockText(body, 1)).toContain('&lt;https://evil.example¦click&gt; &amp; more');
  });

  it('posts a later stage as a thread reply, broadcast only when the stage is conclusive', async () => {
    const first = await notifier.send(billAlert('passed-one-chamber', false), channel());
    expect(first.status).toBe('delivered');
    const root = first.status === 'delivered' ? first.ref : undefined;
    await notifier.send(billAlert('passed-both', false), channel(), root);
    await notifier.send(billAlert('enacted', true), channel(), root);
    const [a, b, c] = slack.posts('C0SEC');
    expect(a?.thread_ts).toBeUndefined();
    expect(b).toMatchObject({ thread_ts: root?.id });
    expect(b?.reply_broadcast).toBeUndefined();
    expect(c).toMatchObject({ thread_ts: root?.id, reply_broadcast: true });
    expect(blockText(c, 0)).toBe('Update: H.R.5515 (115th) enacted');
  });

  it('does not thread into another channel or another platform', async () => {
    await notifier.send(billAlert('enacted', true), channel('C0OTHER'), {
      platform: 'slack',
      id: '1.2',
      channel: 'C0SEC',
    });
    await notifier.send(billAlert('enacted', true), channel('C0OTHER'), { platform: 'discord', id: '123' });
    expect(slack.posts('C0OTHER').map((p) => p.thread_ts)).toEqual([undefined, undefined]);
  });

  it('posts an update on its own when its thread is gone', async () => {
    slack.script('chat.postMessage', { error: 'thread_not_found' });
    const outcome = await notifier.send(billAlert('enacted', true), channel(), {
      platform: 'slack',
      id: '1.2',
      channel: 'C0SEC',
    });
    expect(outcome.status).toBe('delivered');
    const calls = slack.callsTo('chat.postMessage');
    expect(calls.map((c) => [c.outcome, c.body.thread_ts])).toEqual([
      ['thread_not_found', '1.2'],
      ['ok', undefined],
    ]);
  });

  it('posts operational notices', async () => {
    const outcome = await notifier.notify(
      {
        id: 'n1',
        title: 'Feed paused',
        text: 'therecord <!channel> failed 10 times',
        createdAt: '2026-01-01T00:00:00Z',
      },
      channel(),
    );
    expect(outcome.status).toBe('delivered');
    expect(JSON.stringify(slack.posts('C0SEC').at(-1))).not.toContain('<!channel>');
  });
});

describe('Slack notifier: failures sorted for the outbox', () => {
  it('joins a public channel once when not in it, then posts', async () => {
    slack.channel('C0PUBLIC', { member: false });
    expect((await notifier.send(sampleAlert(), channel('C0PUBLIC'))).status).toBe('delivered');
    expect(slack.calls.map((c) => `${c.method}=${c.outcome}`)).toEqual([
      'chat.postMessage=not_in_channel',
      'conversations.join=ok',
      'chat.postMessage=ok',
    ]);
  });

  it('rejects a private channel it cannot join, after one join attempt', async () => {
    slack.channel('C0PRIVATE', { member: false, isPrivate: true });
    const outcome = await notifier.send(sampleAlert(), channel('C0PRIVATE'));
    expect(outcome).toEqual({
      status: 'rejected',
      reason: expect.stringMatching(/^not_in_channel .*method_not_supported_for_channel_type/) as string,
    });
    expect(slack.callsTo('conversations.join')).toHaveLength(1);
    expect(slack.callsTo('chat.postMessage')).toHaveLength(1);
  });

  it('tries the join only once even if Slack still says not_in_channel', async () => {
    slack.script('chat.postMessage', { error: 'not_in_channel' }, { error: 'not_in_channel' });
    expect(await notifier.send(sampleAlert(), channel())).toEqual({ status: 'rejected', reason: 'not_in_channel' });
    expect(slack.calls.map((c) => c.method)).toEqual(['chat.postMessage', 'conversations.join', 'chat.postMessage']);
  });

  it.each(['channel_not_found', 'is_archived', 'missing_scope'])(
    'rejects %s with that reason (dead letter)',
    async (error) => {
      slack.script('chat.postMessage', { error });
      expect(await notifier.send(sampleAlert(), channel())).toEqual({ status: 'rejected', reason: error });
      expect(slack.calls).toHaveLength(1);
    },
  );

  // A refused token pauses the channel instead of dead-lettering (issue 20 E).
  it.each(['invalid_auth', 'account_inactive', 'token_revoked'])('sorts %s as unauthorized', async (error) => {
    slack.script('chat.postMessage', { error });
    expect(await notifier.send(sampleAlert(), channel())).toEqual({ status: 'unauthorized', reason: error });
    expect(slack.calls).toHaveLength(1);
  });

  it('returns a rate limit as a retry with Retry-After, without waiting or retrying itself', async () => {
    slack.script('chat.postMessage', { status: 429, retryAfter: 7 });
    const started = Date.now();
    expect(await notifier.send(sampleAlert(), channel())).toEqual({
      status: 'retry',
      reason: 'rate limited by Slack',
      retryAfterMs: 7_000,
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(slack.calls).toHaveLength(1);
  });

  it('retries 5xx and transient Slack errors, once each attempt', async () => {
    slack.script('chat.postMessage', { status: 503 }, { error: 'internal_error' });
    expect(await notifier.send(sampleAlert(), channel())).toEqual({
      status: 'retry',
      reason: 'HTTP 503 from the Slack API',
    });
    expect(await notifier.send(sampleAlert(), channel())).toEqual({ status: 'retry', reason: 'internal_error' });
    expect(slack.calls).toHaveLength(2);
  });

  it('retries when the Slack API cannot be reached, without leaking the token', async () => {
    const offline = createSlackNotifier({
      client: createSlackWebClient(TOKEN, 'http://127.0.0.1:9/api/', silentLogger()),
      logger: silentLogger(),
    });
    const outcome = await offline.send(sampleAlert(), channel());
    expect(outcome).toMatchObject({ status: 'retry', reason: expect.stringContaining('network error') as string });
    expect(JSON.stringify(outcome)).not.toContain(TOKEN);
  });

  it('rejects a channel without a Slack channel id', async () => {
    expect(await notifier.send(sampleAlert(), { id: 'x', type: 'slack', origin: 'config' })).toEqual({
      status: 'rejected',
      reason: 'slack channel has no channel id',
    });
    expect(slack.calls).toHaveLength(0);
  });
});
