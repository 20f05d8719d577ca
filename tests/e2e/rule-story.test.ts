import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp, type App } from '../../src/main.js';
import { silentLogger } from '../../src/shared/logger.js';
import { startFakeFederalRegister, type FakeFederalRegister } from '../fakes/federal-register-api.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { govJson } from '../support/gov-fixtures.js';
import { mutableClock } from '../support/mutable-clock.js';

/**
 * The FAR interim rule implementing Section 889 (FR Doc 2019-17201) through the whole app
 * (loadConfig with FEDERAL_REGISTER_API_URL, createApp with an injected clock, the engine's
 * polls and deliveries) from a local Federal Register to a local webhook: one alert for the
 * rule, one in its thread the day it takes effect, and nothing more.
 */
const far = govJson<Record<string, unknown>>('constructed/fr-2019-17201.json');
let fr: FakeFederalRegister;
let hooks: WebhookServer;
let file: string;
const clock = mutableClock('2019-08-10T12:00:00Z');

beforeAll(async () => {
  fr = await startFakeFederalRegister();
  hooks = await startWebhookServer();
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-rule-story-'));
  file = join(dir, 'banwatch.yaml');
  writeFileSync(
    file,
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'sources:',
      '  - id: federal-register',
      '    type: federal-register',
      '    interval: 1h',
      '    terms: ["Covered List", "Section 889", "Entity List"]',
      '    agencies: [federal-communications-commission, industry-and-security-bureau, federal-acquisition-regulation-system, general-services-administration]',
      'channels:',
      `  - {id: rules, type: discord-webhook, url: "${hooks.url('/rules')}"}`,
    ].join('\n'),
  );
});
afterAll(async () => {
  await fr?.close();
  await hooks?.close();
});

/** One `poll --once` worth of work on a fresh app over the same store, at the clock's time. */
async function pollOnce(): Promise<App> {
  const config = loadConfig({ file, env: { FEDERAL_REGISTER_API_URL: fr.url } });
  const app = await createApp({
    config,
    logger: silentLogger(),
    stdout: { write: () => true } as unknown as NodeJS.WritableStream,
    clock,
  });
  await app.engine.pollAll();
  return app;
}

/** What the webhook received, with Discord's markdown escapes undone so the text reads plainly. */
const embeds = () =>
  hooks.delivered('/rules').map(
    (post) =>
      JSON.parse(JSON.stringify(post.body).replace(/\\\\(.)/g, '$1')) as {
        content?: string;
        embeds: Array<{ title: string; description?: string }>;
      },
  );

describe('FR Doc 2019-17201, the FAR interim rule for Section 889', () => {
  it('records what the Federal Register holds on the first poll and posts nothing', async () => {
    const app = await pollOnce();
    await app.close();
    // The three configured terms, the catalogue's vendor names a few at a time, and the terms
    // again among presidential documents.
    const searches = fr.requests.filter((r) => r.path === '/api/v1/documents.json');
    const presidential = searches.filter((r) => r.query.getAll('conditions[type][]').includes('PRESDOCU'));
    const configured = ['"Covered List"', '"Section 889"', '"Entity List"'];
    const vendors = searches.filter(
      (r) => !presidential.includes(r) && !configured.includes(r.query.get('conditions[term]') ?? ''),
    );
    expect(presidential).toHaveLength(3);
    expect(vendors.length).toBeGreaterThan(1);
    // And once the documents on public inspection.
    expect(fr.requests).toHaveLength(3 + vendors.length + presidential.length + 1);
    expect(fr.requests.at(-1)?.path).toBe('/api/v1/public-inspection-documents/current.json');
    const query = fr.requests[0]?.query;
    expect(query?.get('conditions[term]')).toBe('"Covered List"');
    expect(query?.getAll('conditions[agencies][]')).toContain('federal-acquisition-regulation-system');
    expect(query?.get('order')).toBe('newest');
    expect(query?.getAll('fields[]')).toEqual(
      expect.arrayContaining([
        'action',
        'effective_on',
        'regulation_id_numbers',
        'docket_ids',
        'document_number',
        'html_url',
        'agencies',
      ]),
    );
    expect(hooks.posts).toHaveLength(0);
  });

  it('posts one alert when the interim rule is published', async () => {
    fr.publish(far);
    clock.set('2019-08-12T23:00:00Z');
    const app = await pollOnce();
    await app.close();
    const posted = embeds();
    expect(posted).toHaveLength(1);
    expect(posted[0]?.embeds[0]?.title).toContain(
      'Interim rule (RIN 9000-AN83): Federal Acquisition Regulation: Prohibition on Contracting for Certain Telecommunications and Video Surveillance Services or Equipment',
    );
  });

  it('posts nothing more while the rule is not yet in effect', async () => {
    clock.set('2019-08-12T23:30:00Z');
    const app = await pollOnce();
    await app.close();
    expect(embeds()).toHaveLength(1);
  });

  it('posts one update the day it takes effect, as a reply to the first alert, then never again', async () => {
    clock.set('2019-08-13T12:00:00Z');
    const app = await pollOnce();
    const ref = await app.stores.threads.get('rules', 'rule:9000-AN83');
    await app.close();
    const posted = embeds();
    expect(posted).toHaveLength(2);
    expect(posted[1]?.embeds[0]?.title).toContain('In effect from 2019-08-13 (RIN 9000-AN83)');
    expect(JSON.stringify(posted[1])).toContain('Update on RIN 9000-AN83: in effect');
    expect(ref).toBeDefined();

    clock.set('2019-08-14T12:00:00Z');
    const again = await pollOnce();
    await again.close();
    expect(embeds()).toHaveLength(2);
  });

  it('lists the rule in `bills` with its stage and date', async () => {
    const app = await pollOnce();
    const answer = await app.router.handle(['bills'], { actor: { platform: 'cli', id: 'cli', isAdmin: true } });
    await app.close();
    const rules = (answer.data as { rules: Array<{ label: string; stage: string; date: string; reference: string }> })
      .rules;
    expect(rules).toEqual([
      expect.objectContaining({
        label: 'RIN 9000-AN83',
        stage: 'effective',
        date: '2019-08-13',
        reference: 'FR Doc 2019-17201',
      }),
    ]);
  });
});
