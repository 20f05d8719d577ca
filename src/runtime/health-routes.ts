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

/** Why the instance is not ready, or an empty list when it is. */
export async function readinessProblems(deps: HealthDeps): Promise<string[]> {
  const problems: string[] = [];
  try {
    await deps.ping();
  } catch (error) {
    problems.push(`store unreachable: ${errorMessage(error)}`);
  }
  if (!deps.schedulerRunning()) problems.push('scheduler not running');
  if (!problems.length) {
    const now = deps.clock.now().getTime();
    const sources = deps.sources();
    const states = await deps.feeds.getMany(sources.map((s) => s.id));
    for (const source of sources) {
      const state = states.get(source.id);
      if (!state?.nextPollAt || state.pausedAt) continue;
      const late = now - Date.parse(state.nextPollAt);
      if (late > 2 * source.intervalMs) problems.push(`source ${source.id} overdue by ${Math.round(late / 1000)}s`);
    }
  }
  return problems;
}

/**
 * `/healthz` (the process answers), `/readyz` (store reachable, scheduler running, no source
 * overdue by more than two intervals) and `/metrics` (Prometheus text format).
 */
export function healthRoutes(deps: HealthDeps): HttpRoute[] {
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
        const problems = await readinessProblems(deps);
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
