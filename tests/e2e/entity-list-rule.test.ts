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
 */
const rule = govJson<Record<string, unknown>>('constructed/fr-2019-22210.json');
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

  it('posts the rule to the channel watching Hikvision, naming it, Dahua and the entries the CSL cites on its pages', async () => {
    fr.publish(rule);
    clock.set('2019-10-09T15:00:00Z');
    const app = await pollOnce();
    await app.close();
    const cameras = posted('/cameras');
    expect(cameras.length).toBeGreaterThanOrEqual(1);
    const alert = cameras[0] as string;
    expect(alert).toContain('Final rule: Addition of Certain Entities to the Entity List (adds Dahua, Hikvision)');
    expect(alert).toContain('Hangzhou Hikvision Digital Technology Co., Ltd.');
    expect(alert).toContain('Changji Hui Autonomous Prefecture Public Security Bureau');
    // Huawei's affiliates cite 84 FR 22961: another rule, not this one.
    expect(alert).not.toContain('Huawei');
    expect(posted('/drones')).toHaveLength(0);
  });
});
