import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type Config, loadConfig } from '../../src/config/load-config.js';
import { BILL_ID, BILL_VENDORS } from './bill-timeline.js';
import { SAMPLE_FEEDS } from './sample-feeds.js';

export const DEMO_CHANNEL = 'security-team';
/** Not a secret: the stand-in Congress.gov accepts only this key, as the real one wants one. */
export const DEMO_CONGRESS_KEY = 'demo-key-offline';
/** Not a secret either: the stand-in LegiScan's key. */
export const DEMO_LEGISCAN_KEY = 'demo-legiscan-key-offline';

/**
 * Writes the demo's banwatch.yaml into `dir` and loads it the way `banwatch --config` does, so
 * the demo runs on a config a user could have written: the sample feeds, Congress.gov
 * following one bill, LegiScan searching Arkansas bills, one console channel, a SQLite store in `dir`.
 */
export function writeDemoConfig(
  dir: string,
  feedUrl: (id: string) => string,
  congressUrl: string,
  legiscanUrl: string,
): Config {
  const file = join(dir, 'banwatch.yaml');
  writeFileSync(
    file,
    [
      '# Written by `npm run demo`; removed when it ends.',
      `store: sqlite://${join(dir, 'banwatch.sqlite')}`,
      'maxAgeDays: 14',
      'sources:',
      ...SAMPLE_FEEDS.map(
        (feed) => `  - {id: ${feed.id}, type: rss, name: "${feed.name}", url: "${feedUrl(feed.id)}", interval: 10m}`,
      ),
      '  - id: congress',
      '    type: congress',
      '    name: Congress.gov',
      '    apiKey: ${CONGRESS_API_KEY}',
      '    interval: 30m',
      '    bills:',
      `      - {id: ${BILL_ID}, vendors: [${BILL_VENDORS.join(', ')}]}`,
      '  - id: states',
      '    type: legiscan',
      '    apiKey: ${LEGISCAN_API_KEY}',
      '    states: [AR]',
      '    queries: [\'"foreign adversaries" AND drones\']',
      'channels:',
      `  - {id: ${DEMO_CHANNEL}, type: console}`,
      '',
    ].join('\n'),
  );
  // CONGRESS_API_URL points the congress source at the stand-in, as it would at a proxy.
  return loadConfig({
    file,
    env: {
      CONGRESS_API_KEY: DEMO_CONGRESS_KEY,
      CONGRESS_API_URL: congressUrl,
      LEGISCAN_API_KEY: DEMO_LEGISCAN_KEY,
      LEGISCAN_API_URL: legiscanUrl,
    },
  });
}
