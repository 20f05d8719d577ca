import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp, type App } from '../../src/main.js';
import { silentLogger } from '../../src/shared/logger.js';
import { startFakeFederalRegister, type FakeFederalRegister } from '../fakes/federal-register-api.js';
import { startFeedServer, type FeedServer } from '../fakes/feed-server.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';
import { govJson } from '../support/gov-fixtures.js';
import { mutableClock } from '../support/mutable-clock.js';
import { LIST_FIXTURES } from '../sources/lists/list-fixtures.js';

/**
 * The BIS rule of 2019-10-09 that added Hikvision, Dahua and 26 more to the Entity List (84 FR
 * 54002), through the whole app: its title and abstract name no company, so the Federal Register
 * source reads whom it adds from the screening-list source's real CSL rows citing its pages.
 * The alert names them, and a channel filtered on Hikvision gets it while one on DJI does not.
 * Two days before, the rule is on public inspection: an alert a day early, in the thread the
 * published rule then continues (the public-inspection answer is constructed, see SOURCES.txt).
 */
const rule = govJson<Record<string, unknown>>('constructed/fr-2019-22210.json');
const onInspection = govJson<{ results: Array<Record<string, unknown>> }>(
  'constructed/public-inspection-current-2019-10-07.json',
).results;
const csl = readFileSync(join(LIST_FIXTURES, 'csl-consolidated-2022-05-excerpt.csv'), 'utf8');
let fr: FakeFederalRegister;
let lists: FeedServer;
let hooks: WebhookServer;
let file: string;
const clock = mutableClock('2019-10-08T12:00:00Z');

beforeAll(async () => {
  fr = await startFakeFederalRegister();
  lists = await startFeedServer();
  lists.route('/consolidated.csv', { body: csl, contentType: 'text/csv' });
  hooks = await startWebhookServer();
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-entity-list-'));
  file = join(dir, 'banwatch.yaml');
  writeFileSync(
    file,
    [
      `store: sqlite://${join(dir, 'state.sqlite')}`,
      'sources:',
      '  - id: screening-list',
      '    type: screening-list',
      `    url: "${lists.url('/consolidated.csv')}"`,
      '    lists: [Entity List]',
      '  - id: federal-register',
      '    type: federal-register',
      '    terms: ["Entity List"]',
      '    agencies: [industry-and-security-bureau]',
      '    vendorNames: false',
      'channels:',
      `  - {id: rules, type: discord-webhook, url: "${hooks.url('/rules')}"}`,
      `  - {id: cameras, type: discord-webhook, url: "${hooks.url('/cameras')}", vendors: [Hikvision]}`,
      `  - {id: drones, type: discord-webhook, url: "${hooks.url('/drones')}", vendors: [DJI]}`,
    ].join('\n'),
  );
});
afterAll(async () => {
  await fr?.close();
  await lists?.close();
  await hooks?.close();
});

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

const posted = (path: string) =>
  hooks.delivered(path).map((post) => JSON.stringify(post.body).replace(/\\\\(.)/g, '$1'));

describe('an Entity List rule names the vendors it adds', () => {
  it('records the list and the Federal Register on the first poll, and posts nothing', async () => {
    const app = await pollOnce();
    await app.close();
    expect(lists.requestsTo('/consolidated.csv').length).toBeGreaterThan(0);
    expect(fr.requests.length).toBeGreaterThan(0);
    expect(hooks.posts).toHaveLength(0);
  });

  it('posts the rule on public inspection a day early, once, to the channel that takes every rule', async () => {
    for (const doc of onInspection) fr.inspect(doc);
    clock.set('2019-10-07T22:00:00Z');
    let app = await pollOnce();
    await app.close();
    clock.set('2019-10-08T09:00:00Z');
    app = await pollOnce();
    await app.close();
    const rules = posted('/rules');
    expect(rules).toHaveLength(1);
    expect(rules[0]).toContain('On public inspection: Addition of Certain Entities to the Entity List');
    expect(rules[0]).toContain('to be published in the Federal Register on 2019-10-09');
    // The NOAA rule on inspection the same day is from no configured agency.
    expect(rules[0]).not.toContain('Fisheries');
    // Nothing names a vendor yet: the channels filtered on vendors wait for the published rule.
    expect(posted('/cameras')).toHaveLength(0);
  });

  it('posts the rule to the channel watching Hikvision, naming it, Dahua and the entries the CSL cites on its pages', async () => {
    fr.clear();
    fr.publish(rule);
    clock.set('2019-10-09T15:00:00Z');
    const app = await pollOnce();
    const thread = await app.stores.threads.get('rules', 'fr:2019-22210');
    await app.close();
    // The published rule continues the thread the inspection opened, as an update.
    const rules = posted('/rules');
    // Three posts: on inspection, then the final rule and its first day in effect, both as updates.
    expect(rules).toHaveLength(3);
    expect(rules.filter((post) => post.includes('Update on FR Doc 2019-22210: final rule'))).toHaveLength(1);
    expect(rules.filter((post) => post.includes('Update on FR Doc 2019-22210: in effect'))).toHaveLength(1);
    expect(thread).toBeDefined();
    const cameras = posted('/cameras');
    const alert = cameras.find((post) => post.includes('Final rule')) ?? '';
    // The day in effect names the same vendors, so the Hikvision channel gets it too.
    expect(cameras).toHaveLength(2);
    expect(cameras.find((post) => post.includes('In effect from 2019-10-09'))).toContain('Dahua, Hikvision');
    expect(alert).toContain('Final rule: Addition of Certain Entities to the Entity List (adds Dahua, Hikvision)');
    expect(alert).toContain('Hangzhou Hikvision Digital Technology Co., Ltd.');
    expect(alert).toContain('Changji Hui Autonomous Prefecture Public Security Bureau');
    // Huawei's affiliates cite 84 FR 22961: another rule, not this one.
    expect(alert).not.toContain('Huawei');
    expect(posted('/drones')).toHaveLength(0);
  });
});
