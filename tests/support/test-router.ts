/**
 * A command router over a test's stores with what most command tests share: the bundled vendor
 * catalogue, no channels from a config file, no sources, a silent logger and 14 days' maxAge.
 * A test passes only what it changes.
 */
import { buildCommandRouter, type CommandDeps } from '../../src/app/build-commands.js';
import { loadVendorCatalog } from '../../src/classify/vendor-catalog.js';
import type { CommandRouter } from '../../src/commands/command-router.js';
import { DEFAULT_VENDORS_FILE } from '../../src/config/load-config.js';
import type { Clock } from '../../src/domain/clock.js';
import { channelDirectory } from '../../src/pipeline/channel-directory.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Stores } from '../../src/store/open-stores.js';

let catalog: CommandDeps['catalog'] | undefined;

export function testRouter(stores: Stores, clock: Clock, overrides: Partial<CommandDeps> = {}): CommandRouter {
  catalog ??= loadVendorCatalog(DEFAULT_VENDORS_FILE);
  return buildCommandRouter({
    stores,
    catalog,
    channels: channelDirectory([], stores.channels),
    sources: () => [],
    clock,
    logger: silentLogger(),
    maxAgeDays: 14,
    ...overrides,
  });
}
