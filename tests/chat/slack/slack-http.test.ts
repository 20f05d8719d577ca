import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { blocksOf, slashCommandForm, signedPost, startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import { startSlackHarness, type SlackHarness } from './slack-harness.js';

/**
 * GIVEN the Slack app in HTTP mode (real Bolt, real WebClient, real router and handlers over a
 * real SQLite store) mounted on banwatch's HTTP server, and a fake Slack Web API
 * WHEN signed (or badly signed) slash commands are POSTed to /slack/events
 * THEN it acks at once, answers through response_url, and refuses what it must.
 */
const SECRET = 'test-signing-secret-8f2d';
const TOKEN = 'xoxb-test-http-token';
let slack: FakeSlackApi;
let app: SlackHarness;
let url: string;

beforeAll(async () => {
  slack = await startFakeSlackApi({ botToken: TOKEN });
  slack.user('UADMIN', { is_admin: true });
  slack.user('UOWNER', { is_owner: true });
  slack.user('UMEMBER', {});
  app = await startSlackHarness(
    { botToken: TOKEN, signingSecret: SECRET, apiUrl: slack.url },
    { configured: [{ id: 'security', type: 'slack', channel: 'C0SEC', origin: 'config' }], admins: ['UCONFIG'] },
  );
  url = app.eventsUrl ?? '';
});
afterAll(async () => {
  await app.close();
  await slack.close();
});
beforeEach(() => {
  slack.calls.length = 0;
  slack.responses.length = 0;
});

let n = 0;
/** Sends `/banwatch TEXT` as USER in CHANNEL and waits for the answer posted to response_url. */
async function command(text: string, user = 'UMEMBER', channel = 'C0SEC') {
  const id = `cmd${++n}`;
  // Signed at the app's clock, which some tests move forward.
  const timestamp = Math.floor(app.clock.now().getTime() / 1000);
  const ack = await signedPost(
    url,
    SECRET,
    slashCommandForm({ text, user_id: user, channel_id: channel, response_url: slack.responseUrl(id) }),
    { timestamp },
  );
  expect(ack.status).toBe(200);
  const answer = await slack.waitFor(() => slack.responses.find((r) => r.id === id));
  return { ack, answer: answer.body, text: JSON.stringify(answer.body.blocks) };
}

describe('POST /slack/events: verification', () => {
  const form = () =>
    slashCommandForm({
      text: 'vendor hikvision',
      user_id: 'UMEMBER',
      channel_id: 'C0SEC',
      response_url: slack.responseUrl('refused'),
    });
  const now = () => Math.floor(Date.now() / 1000);

  it('refuses a wrong signature with 401 before anything runs', async () => {
    const result = await signedPost(url, SECRET, form(), { signature: `v0=${'0'.repeat(64)}` });
    expect(result.status).toBe(401);
    const other = await signedPost(url, 'another-secret', form());
    expect(other.status).toBe(401);
  });

  it('refuses a missing signature, and a body changed after signing', async () => {
    expect((await signedPost(url, SECRET, form(), { signature: null })).status).toBe(401);
    const signedFor = await import('node:crypto').then(
      ({ createHmac }) => `v0=${createHmac('sha256', SECRET).update(`v0:${now()}:${form()}`).digest('hex')}`,
    );
    expect(
      (await signedPost(url, SECRET, form().replace('vendor', 'watch'), { signature: signedFor, timestamp: now() }))
        .status,
    ).toBe(401);
  });

  it('refuses a timestamp more than five minutes old (or ahead), even when correctly signed', async () => {
    expect((await signedPost(url, SECRET, form(), { timestamp: now() - 6 * 60 })).status).toBe(401);
    expect((await signedPost(url, SECRET, form(), { timestamp: now() + 6 * 60 })).status).toBe(401);
    expect((await signedPost(url, SECRET, form(), { timestamp: now() - 4 * 60 })).status).toBe(200);
    await slack.waitFor(() => slack.responses.length === 1);
  });

  it('ran nothing for the refused requests: no users.info, no answer', async () => {
    await signedPost(url, SECRET, form(), { signature: null });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(slack.calls).toEqual([]);
    expect(slack.responses).toEqual([]);
  });

  it('answers the Events API URL verification challenge when signed', async () => {
    const body = JSON.stringify({ type: 'url_verification', challenge: 'c-123', token: 'x' });
    const result = await signedPost(url, SECRET, body, { contentType: 'application/json' });
    expect(result).toMatchObject({ status: 200, body: '{"challenge":"c-123"}' });
    expect((await signedPost(url, 'wrong', body, { contentType: 'application/json' })).status).toBe(401);
  });
});

describe('/banwatch over HTTP', () => {
  it('acks at once and answers `vendor hikvision` ephemerally with Section 889 and the FCC Covered List', async () => {
    const { ack, answer, text } = await command('vendor hikvision');
    expect(ack.body).toBe('');
    expect(ack.ms).toBeLessThan(3_000);
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('Hikvision');
    expect(text).toContain('Section 889');
    expect(text).toContain('FCC Covered List');
    expect(blocksOf(answer)[0]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: expect.stringMatching(/^\*Hikvision — /) as string },
    });
  });

  it('answers unknown subcommands and bad arguments with help, never a stack trace', async () => {
    const unknown = await command('frobnicate');
    expect(unknown.answer.text).toBe('Unknown command "frobnicate".');
    expect(unknown.text).toContain('/banwatch help COMMAND');
    const quotes = await command('vendor "hik');
    expect(quotes.answer.text).toBe('A quote is not closed.');
    const empty = await command('vendor');
    expect(empty.text).toContain('/banwatch vendor NAME');
    const help = await command('');
    expect(help.answer).toMatchObject({ response_type: 'ephemeral', text: 'banwatch commands' });
    for (const reply of [unknown, quotes, empty, help]) expect(reply.text).not.toMatch(/at \w+ \(|Error:/);
  });

  it('escapes what the user typed when it is quoted back', async () => {
    const { text, answer } = await command('vendor <!channel> <@U999>');
    expect(`${answer.text}${text}`).not.toMatch(/<!channel>|<@U999>/);
    expect(answer.text).toContain('&lt;!channel&gt;');
  });

  it("refuses a non-admin's `watch add Unitree` and changes nothing", async () => {
    slack.user('UWALT', { name: 'walt' });
    const { answer } = await command('watch add Unitree', 'UWALT');
    expect(answer).toMatchObject({ response_type: 'ephemeral', text: 'Not allowed' });
    expect(JSON.stringify(answer.blocks)).toContain('Only admins can run `watch add`. Nothing was changed.');
    expect(await app.stores.watch.list('security')).toEqual([]);
    expect(slack.callsTo('users.info').map((c) => [c.body.user, c.outcome])).toEqual([['UWALT', 'ok']]);
  });

  it("confirms a workspace admin's `watch add Unitree` in the channel and stores it", async () => {
    const { answer } = await command('watch add Unitree', 'UADMIN');
    expect(answer).toMatchObject({ response_type: 'in_channel', text: 'Watch term "Unitree" added in security' });
    expect(JSON.stringify(answer.blocks)).toContain('Set by uadmin');
    expect((await app.stores.watch.list('security')).map((t) => [t.term, t.mode, t.addedBy])).toEqual([
      ['Unitree', 'vendor', 'UADMIN'],
    ]);
    const list = await command('watch list', 'UMEMBER');
    expect(list.answer.response_type).toBe('ephemeral');
    expect(list.text).toContain('\\"Unitree\\" — counts as a vendor name');
  });

  it('treats owners and configured admin ids as admins (the latter without asking Slack)', async () => {
    expect((await command('watch mute "press release"', 'UOWNER')).answer.response_type).toBe('in_channel');
    expect((await command('watch remove "press release"', 'UCONFIG')).answer.response_type).toBe('in_channel');
    expect(slack.callsTo('users.info').map((c) => c.body.user)).toEqual(['UOWNER']);
  });

  it('caches users.info for minutes, then asks again', async () => {
    await command('watch add Autel', 'UADMIN');
    await command('watch remove Autel', 'UADMIN');
    expect(slack.callsTo('users.info')).toHaveLength(0);
    app.clock.advance(6 * 60_000);
    await command('status', 'UADMIN');
    expect(slack.callsTo('users.info')).toHaveLength(1);
  });

  it('counts a failed users.info as not an admin, without caching the failure', async () => {
    slack.script('users.info', { error: 'ratelimited' });
    expect((await command('subscribe', 'UFRESH', 'C0NEW')).answer.text).toBe('Not allowed');
    slack.user('UFRESH', { is_admin: true });
    expect((await command('subscribe', 'UFRESH', 'C0NEW')).answer).toMatchObject({
      response_type: 'in_channel',
      text: 'This channel now receives every relevant alert',
    });
    expect((await app.channels.forPlatform('slack', 'C0NEW'))?.origin).toBe('runtime');
    expect((await command('unsubscribe', 'UFRESH', 'C0NEW')).answer.response_type).toBe('in_channel');
    expect(await app.channels.forPlatform('slack', 'C0NEW')).toBeUndefined();
  });

  it('tells where watch terms belong when typed in a channel banwatch does not post to', async () => {
    const { answer } = await command('watch list', 'UMEMBER', 'C0UNKNOWN');
    expect(answer.response_type).toBe('ephemeral');
    expect(answer.text).toContain('Watch terms belong to a channel');
  });
});
