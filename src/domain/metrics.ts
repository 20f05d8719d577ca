import type { FailureKind } from './source.js';

/**
 * What the pipeline reports as it works, for the operator's dashboards. The Prometheus
 * implementation lives with the composition root; tests and one-shot commands use `noMetrics`.
 */
export interface Metrics {
  /**
   * Counted by outcome, not by source: a label per source was 100,000 series at scale (issue 24);
   * a feed's own history is in `status` and its feed state.
   */
  pollFinished(outcome: 'ok' | 'not-modified' | 'failed' | 'paused', failureKind?: FailureKind): void;
  itemsSeen(count: number): void;
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
