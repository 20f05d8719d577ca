import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { BILL_DAYS, BILL_ID, BILL_VENDORS, startCongressStandIn } from '../../scripts/demo/bill-timeline.js';
import { DEMO_CONGRESS_KEY } from '../../scripts/demo/demo-config.js';
import { SAMPLE_FEEDS, startSampleFeeds } from '../../scripts/demo/sample-feeds.js';
import { loadConfig } from '../../src/config/load-config.js';
import { createApp, type App } from '../../src/main.js';
import { createLogger } from '../../src/shared/logger.js';
import { rssDocument, startFeedServer } from '../fakes/feed-server.js';
import { startWebhookServer, type WebhookServer } from '../fakes/webhook-server.js';

/** Not a secret: the token the dashboard tests sign in with. */
export const UI_TOKEN = 'dashboard-test-token-0123456789';

/**
 * A feed title written to hurt, as banwatch stores it: markup, a script, a broken-out attribute
 * and a spreadsheet formula at the start. (Feeds carry titles as HTML, so the feed sends it
 * entity-escaped; banwatch reads that as this text.)
 */
export const HOSTILE_TITLE =
  '=HYPERLINK("http://evil.example") FCC bans Huawei gear <script>window.pwned=1</script><img src=x onerror="window.pwned=2">';
const HOSTILE_IN_FEED = HOSTILE_TITLE.replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface Dashboard {
  app: App;
  /** `http://localhost:PORT/ui`, as `npm start` prints it. */
  url: string;
  hooks: WebhookServer;
  close(): Promise<void>;
}

/**
 * The real app on the demo's sources (the sample feeds and the Congress.gov stand-in following
 * H.R.5515 through five stages), plus a feed that always fails, a feed with a hostile title and a
 * webhook channel whose platform refuses every post (so dead letters exist), served with
 * UI_TOKEN set. Everything runs on 127.0.0.1 with a temporary SQLite store.
 */
export async function startDashboard(): Promise<Dashboard> {
  const dir = mkdtempSync(join(tmpdir(), 'banwatch-web-'));
  const sample = await startSampleFeeds(new Date());
  const capitol = await startCongressStandIn(DEMO_CONGRESS_KEY);
  const extra = await startFeedServer();
  const hooks = await startWebhookServer();
  hooks.answerFor('/refused', { status: 400, body: 'invalid_blocks' });
  extra.route('/broken.xml', { status: 500, body: 'upstream down' });
  const hostile = (items: Parameters<typeof rssDocument>[0]['items']) =>
    extra.route('/hostile.xml', { body: rssDocument({ title: 'Hostile <b>Feed</b>', items }) });
  hostile([{ title: 'An old story', guid: 'old', link: 'https://hostile.example/old', pubDate: new Date() }]);
  const file = join(dir, 'banwatch.yaml');
  writeFileSync(
    file,
    [
      `store: sqlite://${join(dir, 'banwatch.sqlite')}`,
      'maxAgeDays: 14',
      'sources:',
      ...SAMPLE_FEEDS.map(
        (f) => `  - {id: ${f.id}, type: rss, name: "${f.name}", url: "${sample.urlOf(f.id)}", interval: 10m}`,
      ),
      `  - {id: broken-feed, type: rss, name: "Broken Feed", url: "${extra.url('/broken.xml')}", interval: 10m}`,
      `  - {id: hostile-feed, type: rss, name: "Hostile Feed", url: "${extra.url('/hostile.xml')}", interval: 10m}`,
      '  - id: congress',
      '    type: congress',
      '    name: Congress.gov',
      '    interval: 30m',
      '    bills:',
      `      - {id: ${BILL_ID}, vendors: [${BILL_VENDORS.join(', ')}]}`,
      'channels:',
      '  - {id: security-team, type: console}',
      `  - {id: ops-webhook, type: slack-webhook, url: "${hooks.url('/refused')}", sources: [hostile-feed]}`,
      '',
    ].join('\n'),
  );
  const config = loadConfig({
    file,
    env: { CONGRESS_API_KEY: DEMO_CONGRESS_KEY, CONGRESS_API_URL: capitol.url, UI_TOKEN, PORT: '0' },
  });
  const quiet = new Writable({ write: (_chunk, _encoding, done) => done() });
  const app = await createApp({
    config,
    logger: createLogger({ level: 'silent', destination: quiet }),
    stdout: quiet,
    parseInThread: true,
  });
  // The demo's story: a first poll (which posts nothing), new items, then each stage of the bill.
  const steps: Array<() => void> = [
    () => capitol.showBillAsOf(BILL_DAYS[0].day),
    () => {
      sample.publish();
      hostile([
        { title: 'An old story', guid: 'old', link: 'https://hostile.example/old', pubDate: new Date() },
        { title: HOSTILE_IN_FEED, guid: 'evil', link: 'javascript:alert(1)', pubDate: new Date() },
      ]);
    },
    ...BILL_DAYS.slice(1).map((hill) => () => capitol.showBillAsOf(hill.day)),
  ];
  for (const step of steps) {
    step();
    await app.engine.pollAll();
  }
  const { dashboardUrl } = await app.start();
  if (!dashboardUrl) throw new Error('the app did not serve the dashboard with UI_TOKEN set');
  return {
    app,
    url: dashboardUrl,
    hooks,
    async close() {
      await app.close();
      await Promise.all([sample.close(), capitol.close(), extra.close(), hooks.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
