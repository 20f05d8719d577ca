import { monitorEventLoopDelay } from 'node:perf_hooks';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Metrics } from '../domain/metrics.js';

export interface PromMetrics extends Metrics {
  registry: Registry;
}

/**
 * Prometheus metrics on their own registry: polls by outcome, fetch errors by kind, items seen,
 * alerts by action, deliveries by platform and outcome, outbox depth (read on scrape), classify
 * time, event-loop delay, and the default process metrics.
 *
 * No series is labelled by source: at 100,000 feeds the polls and items counters held 200,000
 * label sets (about 30 MB of an instance's heap, issue 24) and every scrape was 100,000s of lines.
 * Each feed's own counts (failures, items seen, last poll) are in its stored state, shown by
 * `banwatch status` and the dashboard.
 */
export function createPromMetrics(outboxDepth: () => Promise<{ pending: number; dead: number }>): PromMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'banwatch_' });
  const polls = new Counter({
    name: 'banwatch_polls_total',
    help: 'Polls by outcome',
    labelNames: ['outcome'],
    registers: [registry],
  });
  const fetchErrors = new Counter({
    name: 'banwatch_fetch_errors_total',
    help: 'Failed polls by failure kind',
    labelNames: ['kind'],
    registers: [registry],
  });
  const items = new Counter({
    name: 'banwatch_items_seen_total',
    help: 'New items, all sources together',
    registers: [registry],
  });
  const alerts = new Counter({
    name: 'banwatch_alerts_total',
    help: 'Alerts queued, by action (one per item)',
    labelNames: ['action'],
    registers: [registry],
  });
  const queued = new Counter({
    name: 'banwatch_alert_deliveries_queued_total',
    help: 'Alert copies queued for channels',
    registers: [registry],
  });
  const deliveries = new Counter({
    name: 'banwatch_deliveries_total',
    help: 'Delivery attempts by platform and outcome',
    labelNames: ['platform', 'outcome'],
    registers: [registry],
  });
  const classify = new Histogram({
    name: 'banwatch_classify_seconds',
    help: 'Time to classify one item',
    buckets: [0.000_01, 0.000_05, 0.000_1, 0.000_5, 0.001, 0.005, 0.01],
    registers: [registry],
  });
  const loop = monitorEventLoopDelay({ resolution: 10 });
  loop.enable();
  new Gauge({
    name: 'banwatch_event_loop_delay_p99_seconds',
    help: 'Event-loop delay, 99th percentile since the last scrape',
    registers: [registry],
    collect() {
      this.set(loop.percentile(99) / 1e9);
      loop.reset();
    },
  });
  new Gauge({
    name: 'banwatch_outbox_depth',
    help: 'Alerts waiting in the outbox and in the dead-letter list',
    labelNames: ['state'],
    registers: [registry],
    async collect() {
      const counts = await outboxDepth();
      this.set({ state: 'pending' }, counts.pending);
      this.set({ state: 'dead' }, counts.dead);
    },
  });
  return {
    registry,
    pollFinished(outcome, kind) {
      polls.inc({ outcome });
      if (kind) fetchErrors.inc({ kind });
    },
    itemsSeen: (count) => items.inc(count),
    alertQueued(action, channels) {
      alerts.inc({ action });
      queued.inc(channels);
    },
    delivery: (platform, outcome) => deliveries.inc({ platform, outcome }),
    classifySeconds: (seconds) => classify.observe(seconds),
  };
}
