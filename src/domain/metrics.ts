import type { FailureKind } from './source.js';

/**
 * What the pipeline reports as it works, for the operator's dashboards. The Prometheus
 * implementation lives with the composition root; tests and one-shot commands use `noMetrics`.
 */
export interface Metrics {
  pollFinished(sourceId: string, outcome: 'ok' | 'not-modified' | 'failed' | 'paused', failureKind?: FailureKind): void;
  itemsSeen(sourceId: string, count: number): void;
  alertQueued(action: string, channels: number): void;
  delivery(platform: string, outcome: 'delivered' | 'retry' | 'rejected' | 'unauthorized'): void;
  classifySeconds(seconds: number): void;
}

export const noMetrics: Metrics = {
  pollFinished: () => undefined,
  itemsSeen: () => undefined,
  alertQueued: () => undefined,
  delivery: () => undefined,
  classifySeconds: () => undefined,
};
