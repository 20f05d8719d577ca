import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { switchedOffSources } from '../../../src/app/switched-off-sources.js';
import { DEFAULT_CONFIG_FILE, loadConfig } from '../../../src/config/load-config.js';
import type { CommandContext } from '../../../src/commands/command.js';
import { replyToText } from '../../../src/commands/reply.js';
import type { Stores } from '../../../src/store/open-stores.js';
import { mutableClock } from '../../support/mutable-clock.js';
import { tempStores } from '../../support/temp-stores.js';
import { testRouter } from '../../support/test-router.js';

const clock = mutableClock('2026-11-01T12:00:00Z');
const member: CommandContext = { actor: { platform: 'slack', id: 'UMEMBER', isAdmin: false } };
let stores: Stores;

beforeEach(async () => {
  stores = await tempStores(clock);
});
afterEach(async () => {
  await stores.close();
});

function status(env: Record<string, string>) {
  const config = loadConfig({ file: DEFAULT_CONFIG_FILE, env });
  const router = testRouter(stores, clock, { switchedOff: () => switchedOffSources(config.sources) });
  return router.handle(['status'], member).then(replyToText);
}

describe('status, for government sources that do not run', () => {
  it('shows a switched-off source and why, and full-text discovery off without its key', async () => {
    const noKeys = await status({});
    expect(noKeys).toContain(
      'congress (congress): switched off — no Congress.gov API key: set CONGRESS_API_KEY (or CONGRESS_API_KEY_FILE)',
    );
    const congressOnly = await status({ CONGRESS_API_KEY: 'a-congress-key-123' });
    expect(congressOnly).not.toContain('no Congress.gov API key');
    expect(congressOnly).toContain(
      'congress (full text) (congress): switched off — full-text discovery off: set GOVINFO_API_KEY (or GOVINFO_API_KEY_FILE)',
    );
    const both = await status({ CONGRESS_API_KEY: 'a-congress-key-123', GOVINFO_API_KEY: 'a-govinfo-key-456' });
    expect(both).not.toContain('switched off — full-text');
  });
});
