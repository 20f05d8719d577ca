import type { BillsDeps } from '../commands/handlers/bills-handler.js';
import type { ListLookup } from '../commands/handlers/list-lookup.js';
import type { SourceInfo } from '../commands/handlers/status-handler.js';
import type { Channel } from '../domain/channel.js';
import type { Clock } from '../domain/clock.js';
import type { AlertLog, FeedStateStore, InstrumentIndex, Outbox } from '../domain/ports.js';
import type { VendorCatalog } from '../domain/vendor.js';

/**
 * What the dashboard reads: the same ports and read models the command handlers are given
 * (src/app/build-web.ts passes the app's own stores). The dashboard keeps nothing of its own.
 */
export interface WebDeps {
  sources(): Promise<SourceInfo[]>;
  feeds: Pick<FeedStateStore, 'getMany'>;
  outbox: Pick<Outbox, 'counts' | 'pending' | 'deadLetters' | 'deliveries' | 'retryDead' | 'dropDead'>;
  alerts: Pick<AlertLog, 'recent'>;
  instruments: Pick<InstrumentIndex, 'list'>;
  bills: Pick<BillsDeps, 'configured' | 'tracked'>;
  catalog: VendorCatalog;
  /** Official restriction lists, when list sources run (a vendor's list memberships). */
  listings?: ListLookup;
  channels(): Promise<Channel[]>;
  clock: Clock;
  storeKind: string;
  /** Makes the store's writes durable before an action's answer (as the command router does). */
  flush(): Promise<void>;
}

/**
 * How many of the newest alerts a page reads: what the alert log keeps (it trims to the latest
 * 2,000, store/document-stores.ts). Reading no more than that keeps every page's time bounded even
 * on a store that holds far more (the bench fills 100,000).
 */
export const ALERT_WINDOW = 2_000;
