import { randomBytes } from 'node:crypto';
import type { Clock } from '../domain/clock.js';
import type { Leases } from '../domain/lease.js';
import type { Leadership, LeadershipTerm } from '../domain/leadership.js';
import { errorMessage } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

/**
 * How long a holder's claim lasts without renewal: a killed holder's role is taken over within
 * this plus one standby poll (a third of it) and the new connection's own start-up.
 */
export const LEADER_LEASE_MS = 6_000;

export interface LeaseLeadershipOptions {
  leases: Leases;
  /** This instance, for the lease's owner (a random suffix is added per role). */
  owner: string;
  clock: Clock;
  logger: Logger;
  leaseMs?: number;
}

/**
 * Leadership over a shared store's leases. Every third of the lease time the holder renews and
 * a standby tries to take the lease. The holder gives the role up (disconnects) when a renewal
 * says the lease was taken, or when renewals have failed for two thirds of the lease time (the
 * store is away, so another instance may take it as soon as it lapses): two instances are then
 * never connected for longer than the store's own view allows. A connection that fails to start
 * gives the lease back, so another instance can try; after losing the role or failing to take it
 * up, an instance waits a lease time before trying again.
 */
export function leaseLeadership(options: LeaseLeadershipOptions): Leadership {
  const leaseMs = options.leaseMs ?? LEADER_LEASE_MS;
  const { leases, clock } = options;
  return {
    async hold(role, duties) {
      const token = `${options.owner}:${randomBytes(6).toString('hex')}`;
      const logger = options.logger.child({ role });
      const now = () => clock.now().getTime();
      let held = false;
      let stopped = false;
      let lastRenewed = 0;
      let notBefore = 0;
      let ticking = false;
      let timer: NodeJS.Timeout | undefined;
      // lead and lose run one after the other, never overlapping.
      let transitions: Promise<void> = Promise.resolve();

      const lead = async (first: boolean): Promise<void> => {
        try {
          await duties.lead();
          logger.info(`this instance holds ${role}`);
        } catch (error) {
          held = false;
          notBefore = now() + leaseMs;
          await leases.release(role, token).catch(() => undefined);
          if (first) throw error;
          logger.error({ err: error }, `could not take up ${role}: ${errorMessage(error)}; another instance may`);
        }
      };
      const lose = async (reason: string): Promise<void> => {
        held = false;
        // Our own claim may still stand in the store: taking it back at once would flap.
        notBefore = now() + leaseMs;
        logger.warn(`gave up ${role}: ${reason}`);
        await duties
          .lose()
          .catch((error: unknown) => logger.warn({ err: error }, `disconnecting: ${errorMessage(error)}`));
      };
      const queue = (work: () => Promise<void>): Promise<void> => {
        const run = transitions.then(work);
        transitions = run.catch(() => undefined);
        return run;
      };

      const tick = async (): Promise<void> => {
        if (held) {
          const kept = await leases.renew(role, token, leaseMs).catch((error: unknown) => {
            logger.warn({ err: error }, `could not renew ${role}: ${errorMessage(error)}`);
            return undefined;
          });
          if (kept) lastRenewed = now();
          if (!held || stopped) return;
          if (kept === false) void queue(() => lose('its lease was taken by another instance'));
          else if (kept === undefined && now() - lastRenewed > (leaseMs * 2) / 3)
            void queue(() => lose('the store did not renew its lease in time'));
          return;
        }
        if (now() < notBefore) return;
        const won = await leases.acquire(role, token, leaseMs).catch(() => false);
        if (!won) return;
        if (stopped) {
          await leases.release(role, token).catch(() => undefined);
          return;
        }
        held = true;
        lastRenewed = now();
        logger.warn(`taking over ${role}: its lease was free`);
        void queue(() => lead(false));
      };
      const schedule = () => {
        timer = setTimeout(() => {
          if (ticking || stopped) return;
          ticking = true;
          void tick().finally(() => {
            ticking = false;
            if (!stopped) schedule();
          });
        }, leaseMs / 3);
        timer.unref();
      };

      if (await leases.acquire(role, token, leaseMs)) {
        held = true;
        lastRenewed = now();
        // Renewals run while the connection starts, which may take longer than a lease.
        schedule();
        try {
          await queue(() => lead(true));
        } catch (error) {
          stopped = true;
          clearTimeout(timer);
          throw error;
        }
      } else {
        logger.info(`another instance holds ${role}; standing by`);
        schedule();
      }

      const term: LeadershipTerm = {
        held: () => held,
        async release() {
          stopped = true;
          clearTimeout(timer);
          await transitions;
          if (!held) return;
          await lose('this instance is stopping');
          await leases.release(role, token).catch(() => undefined);
        },
      };
      return term;
    },
  };
}
