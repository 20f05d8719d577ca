import { createHash, timingSafeEqual } from 'node:crypto';
import type { Registry } from 'prom-client';
import type { HttpRoute } from '../chat/platform.js';
import type { Clock } from '../domain/clock.js';
import type { FeedStateStore } from '../domain/ports.js';
import type { Source } from '../domain/source.js';
import { errorMessage } from '../shared/errors.js';

export interface HealthDeps {
  ping(): Promise<void>;
  schedulerRunning(): boolean;
  sources(): Source[];
  feeds: FeedStateStore;
  clock: Clock;
  registry: Registry;
  /** METRICS_TOKEN: when set, `/metrics` answers only `Authorization: Bearer TOKEN`. */
  metricsToken?: string;
}

/** Overdue sources named in a readiness answer; any more are counted in one line. */
export const OVERDUE_LISTED = 20;
/**
 * How long one scan of every feed state answers readiness probes. The scan reads every state
 * (35 MB from Redis at 100,000 feeds), and an orchestrator probes every few seconds; a source is
 * overdue only after two intervals, so a scan half a minute old is as good an answer.
 */
export const OVERDUE_SCAN_MS = 30_000;

/** Sources late by more than two intervals (paused ones are not due), the first OVERDUE_LISTED named. */
async function overdueSources(deps: HealthDeps): Promise<string[]> {
  const now = deps.clock.now().getTime();
  const sources = deps.sources();
  const states = await deps.feeds.getMany(sources.map((s) => s.id));
  const late: string[] = [];
  let more = 0;
  for (const source of sources) {
    const state = states.get(source.id);
    if (!state?.nextPollAt || state.pausedAt) continue;
    const by = now - Date.parse(state.nextPollAt);
    if (by <= 2 * source.intervalMs) continue;
    if (late.length < OVERDUE_LISTED) late.push(`source ${source.id} overdue by ${Math.round(by / 1000)}s`);
    else more++;
  }
  if (more) late.push(`and ${more} more source(s) overdue`);
  return late;
}

/** The overdue scan, reused for OVERDUE_SCAN_MS (the store and scheduler checks stay live). */
export function cachedOverdue(deps: HealthDeps): () => Promise<string[]> {
  let last: { at: number; late: string[] } | undefined;
  return async () => {
    const now = deps.clock.now().getTime();
    if (last && now - last.at < OVERDUE_SCAN_MS && now >= last.at) return last.late;
    const late = await overdueSources(deps);
    last = { at: now, late };
    return late;
  };
}

/** Why the instance is not ready, or an empty list when it is. */
export async function readinessProblems(
  deps: HealthDeps,
  overdue: () => Promise<string[]> = () => overdueSources(deps),
): Promise<string[]> {
  const problems: string[] = [];
  try {
    await deps.ping();
  } catch (error) {
    problems.push(`store unreachable: ${errorMessage(error)}`);
  }
  if (!deps.schedulerRunning()) problems.push('scheduler not running');
  if (!problems.length) problems.push(...(await overdue()));
  return problems;
}

/**
 * `/healthz` (the process answers), `/readyz` (store reachable, scheduler running, no source
 * overdue by more than two intervals, as of a scan at most OVERDUE_SCAN_MS old) and `/metrics` (Prometheus text format).
 */
export function healthRoutes(deps: HealthDeps): HttpRoute[] {
  const overdue = cachedOverdue(deps);
  return [
    {
      method: 'GET',
      path: '/healthz',
      handle: (_req, res) => void res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n'),
    },
    {
      method: 'GET',
      path: '/readyz',
      async handle(_req, res) {
        const problems = await readinessProblems(deps, overdue);
        res
          .writeHead(problems.length ? 503 : 200, { 'content-type': 'application/json' })
          .end(`${JSON.stringify({ ready: !problems.length, problems })}\n`);
      },
    },
    {
      method: 'GET',
      path: '/metrics',
      async handle(req, res) {
        if (deps.metricsToken && !bearerMatches(req.headers.authorization, deps.metricsToken)) {
          res
            .writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' })
            .end('unauthorized\n');
          return;
        }
        const body = await deps.registry.metrics();
        res.writeHead(200, { 'content-type': deps.registry.contentType }).end(body);
      },
    },
  ];
}

/** `Authorization: Bearer TOKEN`, compared in constant time. */
function bearerMatches(header: string | undefined, token: string): boolean {
  const given = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1];
  if (!given) return false;
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}
