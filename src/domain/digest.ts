import type { Alert } from './alert.js';
import { alertStage } from './alert-text.js';
import type { DigestSchedule } from './digest-schedule.js';

/** The alerts a digest channel collected for one period, in one message. Platform neutral. */
export interface Digest {
  /** `digest:daily:2026-03-29`: with the channel, the outbox key, so a period is queued once. */
  id: string;
  channelId: string;
  every: DigestSchedule['every'];
  /** The local date it went out on, e.g. `2026-03-29`. */
  date: string;
  timezone: string;
  /** When it fired (ISO). */
  until: string;
  /** Oldest first. Summaries are dropped: a digest lists titles. */
  alerts: Alert[];
  createdAt: string;
}

/** One line of a digest group. */
export interface DigestLine {
  alertId: string;
  title: string;
  link?: string;
  sourceName: string;
  /** Other vendors the alert names besides the group's. */
  alsoNames: string[];
  /** `YYYY-MM-DD`: publication date, else when banwatch saw it. */
  date: string;
}

export interface DigestStageGroup {
  stage: string;
  /** Alerts at this stage (shown + hidden). */
  total: number;
  lines: DigestLine[];
  /** How many were left out for length. */
  more: number;
}

export interface DigestGroup {
  vendor: string;
  total: number;
  stages: DigestStageGroup[];
}

/** Groups beyond the limits, counted only. */
export interface DigestLayout {
  groups: DigestGroup[];
  hiddenVendors: number;
  hiddenAlerts: number;
}

/** An alert with no vendor named goes under this heading. */
export const NO_VENDOR = 'Vendor class (none named)';

/**
 * Alerts grouped by vendor, then stage. An alert belongs to the first vendor it names (the
 * classifier's order): counts add up to the number of alerts, and the line says who else it
 * names. Vendors with most alerts first; stages in the order their first alert arrived. A long
 * digest keeps `linesPerStage` lines per stage and `maxVendors` vendors; the rest is counted.
 */
export function layoutDigest(
  digest: Pick<Digest, 'alerts'>,
  limits: { linesPerStage: number; maxVendors: number },
): DigestLayout {
  const byVendor = new Map<string, Map<string, DigestLine[]>>();
  for (const alert of digest.alerts) {
    const [vendor = NO_VENDOR, ...others] = alert.classification.vendors;
    const stages = byVendor.get(vendor) ?? new Map<string, DigestLine[]>();
    byVendor.set(vendor, stages);
    const stage = alertStage(alert);
    const lines = stages.get(stage) ?? [];
    stages.set(stage, lines);
    lines.push({
      alertId: alert.id,
      title: alert.title,
      link: alert.link,
      sourceName: alert.sourceName,
      alsoNames: others,
      date: (alert.publishedAt ?? alert.createdAt).slice(0, 10),
    });
  }
  const groups = [...byVendor.entries()]
    .map(([vendor, stages]): DigestGroup => {
      const stageGroups = [...stages.entries()].map(([stage, lines]) => ({
        stage,
        total: lines.length,
        lines: lines.slice(0, limits.linesPerStage),
        more: Math.max(0, lines.length - limits.linesPerStage),
      }));
      return { vendor, total: stageGroups.reduce((sum, s) => sum + s.total, 0), stages: stageGroups };
    })
    .sort((a, b) => b.total - a.total || a.vendor.localeCompare(b.vendor));
  const shown = groups.slice(0, limits.maxVendors);
  const hidden = groups.slice(limits.maxVendors);
  return {
    groups: shown,
    hiddenVendors: hidden.length,
    hiddenAlerts: hidden.reduce((sum, group) => sum + group.total, 0),
  };
}

/** "Daily digest, 2026-03-29: 12 alerts" — the title on every platform. */
export function digestTitle(digest: Digest): string {
  const kind = digest.every === 'daily' ? 'Daily' : 'Weekly';
  const count = digest.alerts.length;
  return `${kind} digest, ${digest.date}: ${count} alert${count === 1 ? '' : 's'}`;
}

/** A long digest shows fewer lines per stage, so the message stays readable (and within limits). */
export function digestLimits(digest: Pick<Digest, 'alerts'>): { linesPerStage: number; maxVendors: number } {
  const count = digest.alerts.length;
  return { linesPerStage: count > 60 ? 2 : count > 20 ? 3 : 5, maxVendors: 15 };
}

/** "Hikvision — 5 alerts" */
export function countLabel(count: number): string {
  return `${count} alert${count === 1 ? '' : 's'}`;
}

/** Where digest channels keep what they collected until their digest goes out (durable). */
export interface DigestInbox {
  /** Keeps the alert for the channel's next digest; collecting it again is a no-op. */
  collect(channelId: string, alert: Alert, at: string): Promise<void>;
  /** What the channel collected, oldest first, with when it was collected. */
  collected(channelId: string): Promise<Array<{ alert: Alert; at: string }>>;
  /** Drops collected alerts once their digest is queued. */
  remove(channelId: string, alertIds: readonly string[]): Promise<void>;
  /**
   * Takes the right to build the channel's digest for `period`: `won` (build it), `done`
   * (built already, by anyone), `held` (another instance is on it; its claim lapses after `ttlMs`).
   */
  claim(channelId: string, period: string, owner: string, ttlMs: number): Promise<'won' | 'done' | 'held'>;
  /** Marks the period built, for good. */
  settle(channelId: string, period: string): Promise<void>;
}
