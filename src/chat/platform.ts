import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CommandRouter } from '../commands/command-router.js';
import type { TenantOverviewReader } from '../commands/tenant-overview.js';
import type { TriageService } from '../commands/triage-service.js';
import type { Clock } from '../domain/clock.js';
import type { Leadership } from '../domain/leadership.js';
import type { Notifier } from '../domain/notifier.js';
import type { Logger } from '../shared/logger.js';

/** A request handler mounted on banwatch's one HTTP server (PORT), next to /healthz and friends. */
export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  handle(req: IncomingMessage, res: ServerResponse): void | Promise<void>;
}

/**
 * A chat platform as the rest of banwatch sees it: a notifier for the outbox, HTTP routes
 * for platform callbacks, and a connection to start and stop (Socket Mode, the gateway).
 * Everything platform specific stays inside src/chat/<platform>/.
 */
export interface ChatPlatform {
  readonly name: 'slack' | 'discord';
  readonly notifier: Notifier;
  readonly routes: HttpRoute[];
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What a platform adapter gets from the composition root. */
export interface ChatPlatformDeps {
  router: CommandRouter;
  /** The banwatch channel id for a platform channel banwatch posts to (config or subscribed). */
  channelFor: (type: 'slack' | 'discord', platformChannelId: string) => Promise<string | undefined>;
  /** Vendor names (canonical, aliases, brands) starting with or close to `prefix`, for autocomplete. */
  completeVendor(prefix: string, limit: number): string[];
  /** A workspace's or server's channels, recent alerts and vendors (Slack's Home tab); absent: no Home tab. */
  overview?: TenantOverviewReader;
  logger: Logger;
  clock: Clock;
  /**
   * Who holds the connections that receive commands (the Discord gateway, the Slack socket):
   * one instance among several on a shared store. Without it this process holds them.
   */
  leadership?: Leadership;
  /** Applies presses of the alert buttons (acknowledge, not relevant, mute); no buttons work without it. */
  triage?: TriageService;
}
