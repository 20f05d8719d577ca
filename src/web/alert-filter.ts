import type { Alert } from '../domain/alert.js';

/** The Alerts page's filters, from its query string (the same string the CSV link carries). */
export interface AlertFilter {
  q?: string;
  vendor?: string;
  source?: string;
  channel?: string;
  action?: string;
  /** YYYY-MM-DD, inclusive. */
  from?: string;
  to?: string;
}

const KEYS = ['q', 'vendor', 'source', 'channel', 'action', 'from', 'to'] as const;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export function parseAlertFilter(query: URLSearchParams): AlertFilter {
  const filter: AlertFilter = {};
  for (const key of KEYS) {
    const value = query.get(key)?.trim().slice(0, 200);
    if (!value) continue;
    // A malformed date is ignored rather than matching nothing: the form shows it was dropped.
    if ((key === 'from' || key === 'to') && !DAY.test(value)) continue;
    filter[key] = value;
  }
  return filter;
}

export function filterQuery(filter: AlertFilter): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filter[key];
    if (value) params.set(key, value);
  }
  return params.toString();
}

/** The day an alert is filed under: when banwatch created it. */
export function alertDay(alert: Alert): string {
  return alert.createdAt.slice(0, 10);
}

/** Every filter but the channel (that one needs the outbox: see alert-channels.ts). */
export function matchesAlert(alert: Alert, filter: AlertFilter): boolean {
  const c = alert.classification;
  if (filter.vendor) {
    const wanted = filter.vendor.toLowerCase();
    if (!c.vendors.some((name) => name.toLowerCase() === wanted)) return false;
  }
  if (filter.source && alert.sourceId !== filter.source) return false;
  if (filter.action && c.action !== filter.action) return false;
  const day = alertDay(alert);
  if (filter.from && day < filter.from) return false;
  if (filter.to && day > filter.to) return false;
  if (filter.q) {
    const words = filter.q.toLowerCase().split(/\s+/);
    const text = `${alert.title} ${alert.summary ?? ''} ${c.vendors.join(' ')}`.toLowerCase();
    if (!words.every((word) => text.includes(word))) return false;
  }
  return true;
}
