import type { WebClient } from '@slack/web-api';
import type { Clock } from '../../domain/clock.js';
import { errorMessage } from '../../shared/errors.js';
import type { Logger } from '../../shared/logger.js';
import { slackErrorCode } from './slack-failure.js';

export interface AdminCheck {
  /** Whether the Slack user may change what banwatch watches and where it posts. */
  isAdmin(userId: string): Promise<boolean>;
  /** Whether the user is one of banwatch's operators (config `admins.slack`): global state is theirs. */
  isOperator?(userId: string): boolean;
}

export interface AdminCheckDeps {
  client: Pick<WebClient, 'users'>;
  /** User ids from the config (`admins.slack`): admins without asking Slack. */
  admins: readonly string[];
  clock: Clock;
  logger: Logger;
  /** How long an answer from users.info is trusted (default 5 minutes). */
  ttlMs?: number;
  /** How many users are remembered at most. */
  maxEntries?: number;
}

/**
 * Workspace admins and owners (users.info `is_admin`, `is_owner`, `is_primary_owner`) and the
 * configured user ids are banwatch admins. Answers are cached for minutes, so a burst of
 * commands costs one users.info call; a failed lookup is not cached and counts as "not an
 * admin" (a refusal can be retried, a wrongly granted change cannot be taken back).
 */
export function createAdminCheck(deps: AdminCheckDeps): AdminCheck {
  const ttlMs = deps.ttlMs ?? 5 * 60_000;
  const maxEntries = deps.maxEntries ?? 1_000;
  const configured = new Set(deps.admins);
  const cache = new Map<string, { admin: boolean; until: number }>();
  const inFlight = new Map<string, Promise<boolean>>();

  async function lookUp(userId: string): Promise<boolean> {
    try {
      const { user } = await deps.client.users.info({ user: userId });
      const admin = Boolean(user && !user.deleted && (user.is_admin || user.is_owner || user.is_primary_owner));
      cache.delete(userId);
      if (cache.size >= maxEntries) cache.delete(cache.keys().next().value as string);
      cache.set(userId, { admin, until: deps.clock.now().getTime() + ttlMs });
      return admin;
    } catch (error) {
      deps.logger.warn(
        { userId, error: slackErrorCode(error) ?? errorMessage(error) },
        'users.info failed; treating the user as not an admin',
      );
      return false;
    }
  }

  return {
    isOperator: (userId) => configured.has(userId),
    async isAdmin(userId) {
      if (configured.has(userId)) return true;
      const cached = cache.get(userId);
      if (cached && cached.until > deps.clock.now().getTime()) return cached.admin;
      const running = inFlight.get(userId);
      if (running) return running;
      const lookup = lookUp(userId).finally(() => inFlight.delete(userId));
      inFlight.set(userId, lookup);
      return lookup;
    },
  };
}
