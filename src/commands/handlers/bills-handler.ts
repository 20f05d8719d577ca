import { stageLabel, truncate } from '../../domain/alert-text.js';
import { billLabel, billThreadKey, parseBillId } from '../../domain/bill-id.js';
import type { InstrumentRecord, TrackedBill } from '../../domain/instrument.js';
import type { InstrumentIndex, TrackedBillStore } from '../../domain/ports.js';
import { canSeeScoped } from '../../domain/tenancy.js';
import { principalOf, type CommandHandler } from '../command.js';
import { line, reply, type ReplyLine } from '../reply.js';

/** A bill named in the config file's congress sources. */
export interface ConfiguredBill {
  id: string;
  vendors?: string[];
}

export interface BillsDeps {
  configured(): readonly ConfiguredBill[];
  tracked: Pick<TrackedBillStore, 'list'>;
  instruments: Pick<InstrumentIndex, 'list'>;
  /** False when no congress source runs (no API key): then tracked bills are not polled. */
  congressActive(): boolean;
}

export interface BillRow {
  id: string;
  label: string;
  origin: 'config' | TrackedBill['origin'];
  vendors: string[];
  status?: InstrumentRecord;
  /** Tracked by a workspace or server admin: shown only there (domain/tenancy.ts). */
  scope?: string;
}

/** Config bills first, then those tracked at run time, each once. */
export async function trackedBillRows(
  deps: Pick<BillsDeps, 'configured' | 'tracked'>,
  instruments: readonly InstrumentRecord[],
): Promise<BillRow[]> {
  const byKey = new Map(instruments.map((entry) => [entry.key, entry]));
  const rows = new Map<string, BillRow>();
  const add = (id: string, origin: BillRow['origin'], vendors: readonly string[] = [], scope?: string) => {
    const bill = parseBillId(id);
    if (!bill || rows.has(id)) return;
    const status = byKey.get(billThreadKey(bill));
    rows.set(id, {
      id,
      label: billLabel(bill),
      origin,
      vendors: [...vendors],
      ...(status ? { status } : {}),
      ...(scope ? { scope } : {}),
    });
  };
  for (const bill of deps.configured()) add(bill.id, 'config', bill.vendors);
  for (const bill of await deps.tracked.list()) add(bill.id, bill.origin, bill.vendors, bill.scope);
  return [...rows.values()];
}

function billLine(row: BillRow): ReplyLine {
  const origin =
    row.origin === 'discovery' ? ' (found by discovery)' : row.origin === 'command' ? ' (tracked from chat)' : '';
  const status = row.status;
  if (!status) return line(`${row.label} — waiting for its first poll${origin}`);
  const reference = status.reference ? ` / ${status.reference}` : '';
  const last = status.lastAction ? ` — ${truncate(status.lastAction, 200)}` : '';
  return line(
    `${row.label}${reference}: ${truncate(status.title, 120)} — ${stageLabel(status.stage)} (${status.date})${last}${origin}`,
    status.url,
  );
}

function ruleLine(rule: InstrumentRecord): ReplyLine {
  const reference = rule.reference ? ` / ${rule.reference}` : '';
  return line(
    `${rule.label}${reference}: ${truncate(rule.title, 120)} — ${stageLabel(rule.stage)} (${rule.date})`,
    rule.url,
  );
}

/** `bills`: the tracked bills and rules, each with its stage, last action and date. */
export function billsHandler(deps: BillsDeps): CommandHandler {
  return {
    name: 'bills',
    summary: 'tracked bills and rules: stage, last action and date',
    usage: ['bills'],
    requiresAdmin: () => false,
    async run(_args, context) {
      const who = principalOf(context.actor);
      const instruments = await deps.instruments.list();
      // Another workspace's or server's own bills are theirs; global and config bills are everyone's.
      const bills = (await trackedBillRows(deps, instruments)).filter((row) => canSeeScoped(who, row.scope));
      const rules = instruments.filter((entry) => entry.kind === 'rule');
      const sections = [
        {
          heading: `Bills (${bills.length})`,
          lines: bills.length ? bills.map(billLine) : [line('none tracked (add one with `track hr5515-115`)')],
        },
        {
          heading: `Rules (${rules.length})`,
          lines: rules.length ? rules.slice(0, 50).map(ruleLine) : [line('none seen yet')],
        },
      ];
      if (bills.length && !deps.congressActive()) {
        sections.push({
          heading: 'Note',
          lines: [
            line('No congress source is running (CONGRESS_API_KEY is not set), so these bills are not being polled.'),
          ],
        });
      }
      return reply('Tracked bills and rules', sections, {
        data: { bills, rules, congressActive: deps.congressActive() },
      });
    },
  };
}
