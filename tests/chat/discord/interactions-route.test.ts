import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type Bot } from './bot-fixture.js';
import { commandInteraction, pingInteraction, postInteraction, testKeys } from './signed-interaction.js';

/**
 * GIVEN the interactions endpoint with a public key THEN every request is signature-checked
 * before its body is looked at: Discord's PING gets a PONG, anything else unsigned gets 401.
 */
let bot: Bot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(() => bot.close());

describe('POST /discord/interactions', () => {
  it('answers a signed PING with a PONG', async () => {
    const answer = await postInteraction(bot.url, pingInteraction(), { keys: bot.keys });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ type: 1 });
  });

  it('refuses a body changed after signing with 401', async () => {
    const genuine = JSON.stringify(pingInteraction());
    const tampered = genuine.replace('"type":1', '"type":2');
    const answer = await postInteraction(bot.url, tampered, { keys: bot.keys, signedBody: genuine });
    expect(answer.status).toBe(401);
    expect(answer.json).toBeUndefined();
  });

  it('refuses a request signed with another key with 401', async () => {
    const answer = await postInteraction(bot.url, pingInteraction(), { keys: testKeys() });
    expect(answer.status).toBe(401);
  });

  it('refuses an unsigned request with 401 before parsing it', async () => {
    expect((await postInteraction(bot.url, pingInteraction())).status).toBe(401);
    expect((await postInteraction(bot.url, 'not json at all')).status).toBe(401);
  });

  it('refuses a correctly signed but stale request (a replay) with 401', async () => {
    const old = String(Math.floor(Date.now() / 1000) - 3_600);
    expect((await postInteraction(bot.url, pingInteraction(), { keys: bot.keys, timestamp: old })).status).toBe(401);
  });

  it('refuses a malformed signature header with 401, not a crash', async () => {
    const response = await fetch(bot.url, {
      method: 'POST',
      headers: { 'x-signature-ed25519': 'zz', 'x-signature-timestamp': 'yesterday' },
      body: JSON.stringify(pingInteraction()),
    });
    expect(response.status).toBe(401);
  });

  it('answers a signed body that is not an interaction with 400', async () => {
    expect((await postInteraction(bot.url, '{"hello":"world"}', { keys: bot.keys })).status).toBe(400);
    expect((await postInteraction(bot.url, '{not json', { keys: bot.keys })).status).toBe(400);
  });

  it('does not read an oversized body', async () => {
    const huge = JSON.stringify({ ...pingInteraction(), padding: 'x'.repeat(400_000) });
    expect((await postInteraction(bot.url, huge, { keys: bot.keys })).status).toBe(413);
  });

  it('has no GET', async () => {
    expect((await fetch(bot.url)).status).toBe(405);
  });

  it('makes no REST call for a refused request', async () => {
    const before = bot.api.calls().length;
    await postInteraction(bot.url, commandInteraction({ command: 'banwatch', subcommand: 'status' }), {
      keys: testKeys(),
    });
    expect(bot.api.calls()).toHaveLength(before);
  });
});
