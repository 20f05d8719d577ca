import type { Alert } from '../../domain/alert.js';
import { stageLabel } from '../../domain/alert-text.js';
import type { AlertLog } from '../../domain/ports.js';
import type { Restriction, VendorCatalog, VendorRecord } from '../../domain/vendor.js';
import { UserError } from '../../shared/errors.js';
import type { CommandHandler } from '../command.js';
import { line, reply, type Reply, type ReplyLine } from '../reply.js';
import { takeFlags } from '../tokenize.js';
import { listedOnlyReply, listSection, type ListLookup } from './list-lookup.js';

/** Tracked bills and rules that name a vendor (government sources), when they are set up. */
export interface InstrumentTracker {
  forVendor(
    vendor: string,
  ): Promise<Array<{ label: string; title: string; stage: string; date: string; url?: string; state?: string }>>;
}

export interface VendorDeps {
  catalog: VendorCatalog;
  alerts: AlertLog;
  tracker?: InstrumentTracker;
  /** The official restriction lists (list sources), when any are watched. */
  listings?: ListLookup;
}

const RECENT_ALERTS = 5;

/** `vendor NAME`: where a vendor stands — names, restrictions, tracked bills, latest alerts. */
export function vendorHandler(deps: VendorDeps): CommandHandler {
  return {
    name: 'vendor',
    summary: 'where a vendor stands: restrictions and latest alerts',
    usage: ['vendor NAME'],
    requiresAdmin: () => false,
    async run(args) {
      const { rest } = takeFlags(args, ['json']);
      const query = rest.join(' ').trim();
      if (!query) throw new UserError('NO_VENDOR', 'Name a vendor, e.g. `vendor hikvision`.');
      if (query.length > 100) throw new UserError('VENDOR_TOO_LONG', 'A vendor name is at most 100 characters.');
      const vendor = deps.catalog.resolve(query);
      if (!vendor) {
        const seen = await alertsNaming(deps.alerts, query);
        const listed = await deps.listings?.find([query]);
        if (seen.length > 0) {
          const answer = newVendor(query, seen);
          // A name new to the catalogue may be new from a list: say which, and since when.
          if (listed?.matches.length) answer.sections.unshift(listSection(listed));
          return answer;
        }
        if (listed?.matches.length) return listedOnlyReply(query, listed, deps.catalog.suggest(query, 5));
        return unknownVendor(query, deps.catalog.suggest(query, 5));
      }
      const alerts = (await deps.alerts.recent(500))
        .filter((alert) => alert.classification.vendors.includes(vendor.name))
        .slice(0, RECENT_ALERTS);
      const tracked = deps.tracker ? await deps.tracker.forVendor(vendor.name) : [];
      const listed = await deps.listings?.find([query, vendor.name, ...vendor.aliases, ...vendor.legalNames]);
      const answer = describe(vendor, query, alerts, tracked, deps.catalog);
      // After the catalogue's own restrictions: what the lists themselves say today.
      if (listed?.matches.length) answer.sections.splice(2, 0, listSection(listed));
      return answer;
    },
  };
}

function describe(
  vendor: VendorRecord,
  query: string,
  alerts: Alert[],
  tracked: Awaited<ReturnType<InstrumentTracker['forVendor']>>,
  catalog: VendorCatalog,
): Reply {
  const viaBrand =
    vendor.name.toLowerCase() !== query.toLowerCase() &&
    vendor.brands.some((b) => b.name.toLowerCase().includes(query.toLowerCase()));
  const title = `${vendor.name} — ${vendor.category}${vendor.country ? `, ${vendor.country}` : ''}${viaBrand ? ` (${query} is a brand of ${vendor.name})` : ''}`;
  const restrictions = [...vendor.restrictions].sort((a, b) => b.date.localeCompare(a.date));
  const sections = [
    {
      heading: 'Also known as',
      lines: [
        line(
          [...vendor.aliases, ...vendor.brands.map((b) => b.name)]
            .filter((n) => n !== vendor.name)
            .slice(0, 20)
            .join(', ') || '—',
        ),
      ],
    },
    {
      heading: 'Restrictions',
      lines: restrictions.length ? restrictions.map((r) => restrictionLine(r, catalog)) : [line('none recorded')],
    },
  ];
  if (tracked.length) {
    sections.push({
      heading: 'Tracked bills and rules',
      lines: [
        ...tracked.map((t) => line(`${t.label} — ${t.title} — ${trackedStage(t)} (${t.date})`, t.url)),
        // LegiScan's data is CC BY 4.0: credited wherever a state bill is shown.
        ...(tracked.some((t) => t.state) ? [line('State bills: LegiScan (CC BY 4.0)')] : []),
      ],
    });
  }
  sections.push({
    heading: 'Latest alerts',
    lines: alerts.length
      ? alerts.map((a) => line(`${(a.publishedAt ?? a.createdAt).slice(0, 10)} ${a.title} (${a.sourceName})`, a.link))
      : [line('none yet')],
  });
  return reply(title, sections, { data: { vendor, restrictions, tracked, alerts } });
}

/** A state bill goes to its Governor, not the President. */
function trackedStage(tracked: { stage: string; state?: string }): string {
  return tracked.state && tracked.stage === 'to-president' ? 'sent to the Governor' : stageLabel(tracked.stage);
}

function restrictionLine(restriction: Restriction, catalog: VendorCatalog): ReplyLine {
  const instrument = catalog.instrument(restriction.instrument);
  const name = instrument?.short ?? restriction.instrument;
  const parts = [
    name,
    restriction.jurisdiction,
    restriction.date || 'date unknown',
    stageLabel(restriction.stage),
  ].filter(Boolean);
  const note = restriction.note ? ` — ${restriction.note}` : '';
  return line(`${parts.join(' · ')}${note}`, restriction.evidence);
}

/** Recent alerts that named `query` as a vendor new to the catalogue (found from the headline). */
async function alertsNaming(log: AlertLog, query: string): Promise<Alert[]> {
  const key = query.toLowerCase();
  return (await log.recent(500)).filter((a) => a.classification.vendorsNew?.some((v) => v.toLowerCase() === key));
}

function newVendor(query: string, alerts: Alert[]): Reply {
  const name = alerts[0]?.classification.vendorsNew?.find((v) => v.toLowerCase() === query.toLowerCase()) ?? query;
  const count = alerts.length === 1 ? '1 alert' : `${alerts.length} alerts`;
  return reply(
    `${name} — not in the catalogue, seen in ${count}`,
    [
      {
        heading: 'Latest alerts',
        lines: alerts
          .slice(0, RECENT_ALERTS)
          .map((a) => line(`${(a.publishedAt ?? a.createdAt).slice(0, 10)} ${a.title} (${a.sourceName})`, a.link)),
      },
    ],
    { data: { query, name, seen: alerts.length, alerts: alerts.slice(0, RECENT_ALERTS) } },
  );
}

function unknownVendor(query: string, suggestions: string[]): Reply {
  const text = suggestions.length
    ? `Did you mean: ${suggestions.join(', ')}?`
    : 'Try `/banwatch vendor` with a company or brand name.';
  return reply(`No vendor called "${query}" in the catalog`, [{ lines: [line(text)] }], {
    code: 'UNKNOWN_VENDOR',
    data: { query, suggestions },
  });
}
