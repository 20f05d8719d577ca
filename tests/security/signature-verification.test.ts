import { sign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSignatureVerifier } from '../../src/chat/discord/ed25519-verify.js';
import { slashCommandForm, signedPost, startFakeSlackApi, type FakeSlackApi } from '../fakes/slack-api.js';
import { startSlackHarness, type SlackHarness } from '../chat/slack/slack-harness.js';
import { runCli } from '../support/run-cli.js';

/**
 * Finding G: a malformed Ed25519 public key was accepted (under the identity point a forged
 * Discord interaction verifies), and a genuine signed Slack request could be replayed within
 * its five-minute window.
 */

/** The 8 small-order points of Ed25519 (libsodium's blocklist), plus non-canonical encodings of 0 and 1. */
const SMALL_ORDER = [
  '0100000000000000000000000000000000000000000000000000000000000000', // identity
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // order 2
  '0000000000000000000000000000000000000000000000000000000000000000', // order 4
  '0000000000000000000000000000000000000000000000000000000000000080', // order 4
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a', // order 8
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa', // order 8
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05', // order 8
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85', // order 8
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // p: 0, not canonical
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f', // p + 1: 1, not canonical
];

/** Under the identity key, R = identity and S = 0 "sign" every message. */
const forged = Buffer.concat([Buffer.from(SMALL_ORDER[0] as string, 'hex'), Buffer.alloc(32)]).toString('hex');

describe('G: Ed25519 public keys are validated', () => {
  it.each(SMALL_ORDER)('refuses the small-order or non-canonical key %s, so no forged request verifies', (hex) => {
    let verifier: ReturnType<typeof createSignatureVerifier> | undefined;
    try {
      verifier = createSignatureVerifier(hex);
    } catch (error) {
      expect((error as Error).message).toMatch(/DISCORD_PUBLIC_KEY: .*(small-order|canonical)/);
    }
    const now = new Date();
    const timestamp = String(Math.floor(now.getTime() / 1000));
    expect(verifier?.({ signature: forged, timestamp, body: Buffer.from('{"type":2}') }, now) ?? false).toBe(false);
    expect(verifier).toBeUndefined();
  });

  it('`config check` says what is wrong with a malformed key, and accepts a real one', async () => {
    const base = { DISCORD_TOKEN: 'discord-token-0123456789', DISCORD_APPLICATION_ID: '100000000000000001' };
    const bad = await runCli(['config', 'check'], { ...base, DISCORD_PUBLIC_KEY: SMALL_ORDER[0] as string });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/DISCORD_PUBLIC_KEY: a small-order point/);
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const hex = Buffer.from(publicKey.export({ format: 'jwk' }).x as string, 'base64url').toString('hex');
    expect((await runCli(['config', 'check'], { ...base, DISCORD_PUBLIC_KEY: hex })).status).toBe(0);
    // A genuine key still verifies genuine requests.
    const now = new Date();
    const timestamp = String(Math.floor(now.getTime() / 1000));
    const body = Buffer.from('{"type":1}');
    const signature = sign(null, Buffer.concat([Buffer.from(timestamp), body]), privateKey).toString('hex');
    expect(createSignatureVerifier(hex)({ signature, timestamp, body }, now)).toBe(true);
  });
});

describe('G: a signed Slack request is accepted once', () => {
  const SECRET = 'replay-signing-secret-01';
  let slack: FakeSlackApi;
  let app: SlackHarness;
  beforeAll(async () => {
    slack = await startFakeSlackApi({ botToken: 'xoxb-replay-token' });
    slack.user('UMEMBER', {});
    app = await startSlackHarness({ botToken: 'xoxb-replay-token', signingSecret: SECRET, apiUrl: slack.url });
  });
  afterAll(async () => {
    await app?.close();
    await slack?.close();
  });

  it('refuses the same signed request sent again within the five-minute window', async () => {
    const body = slashCommandForm({
      text: 'vendor hikvision',
      user_id: 'UMEMBER',
      channel_id: 'C0ANY',
      response_url: slack.responseUrl('replay'),
    });
    const timestamp = Math.floor(app.clock.now().getTime() / 1000);
    expect((await signedPost(app.eventsUrl as string, SECRET, body, { timestamp })).status).toBe(200);
    await slack.waitFor(() => slack.responses.find((r) => r.id === 'replay'));
    app.clock.advance(60_000);
    expect((await signedPost(app.eventsUrl as string, SECRET, body, { timestamp })).status).toBe(401);
    // The same command signed afresh (a new timestamp) is a new request.
    expect((await signedPost(app.eventsUrl as string, SECRET, body, { timestamp: timestamp + 1 })).status).toBe(200);
  });
});
