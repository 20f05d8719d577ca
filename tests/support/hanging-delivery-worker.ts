import { startQueuedDelivery } from '../../src/runtime/bullmq-delivery.js';
import { silentLogger } from '../../src/shared/logger.js';

/**
 * A delivery worker whose job never finishes, run as its own process so a test can kill it
 * mid-job: argv = REDIS_URL PREFIX. Prints "running" when the job has started.
 */
const [url = '', prefix = ''] = process.argv.slice(2);
const queue = startQueuedDelivery(
  url,
  prefix,
  () => {
    process.stdout.write('running\n');
    return new Promise<void>(() => undefined);
  },
  silentLogger(),
);
await queue.schedule(new Map([['team', Date.now()]]));
