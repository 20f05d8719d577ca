import { stageLabel, truncate } from '../../domain/alert-text.js';
import { billLabel, billThreadKey, parseBillId } from '../../domain/bill-id.js';
import type { InstrumentRecord, TrackedBill } from '../../domain/instrument.js';
import type { InstrumentIndex, TrackedBillStore } from '../../domain/ports.js';
import { canSeeBill } from '../../domain/tenancy.js';
import { isUsState } from '../../domain/us-states.js';
import { UserError } from '../../shared/errors.js';
import { principalOf, type CommandHandler } from '../command.js';
import { noMoreWords } from '../tokenize.js';
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
  /** Other workspaces or servers that follow it: shown to them too. */
  followers?: string[];
  /** The section of its text full-text discovery found it by. */
  matched?: TrackedBill['matched'];
}

function withoutTenants(row: BillRow): BillRow {
  const { scope: _scope, followers: _followers, ...shown } = row;
  return shown;
}

/** Config bills first, then those tracked at run time, each once. */
export async function trackedBillRows(
  deps: Pick<BillsDeps, 'configured' | 'tracked'>,
  instruments: readonly InstrumentRecord[],
): Promise<BillRow[]> {
  const byKey = new Map(instruments.map((entry) => [entry.key, entry]));
  const rows = new Map<string, BillRow>();
  const add = (
    id: string,
    origin: BillRow['origin'],
    vendors: readonly string[] = [],
    scope?: string,
    matched?: TrackedBill['matched'],
    followers?: readonly string[],
  ) => {
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
      ...(followers?.length ? { followers: [...followers] } : {}),
      ...(matched ? { matched } : {}),
    });
  };
  for (const bill of deps.configured()) add(bill.id, 'config', bill.vendors);
  for (const bill of await deps.tracked.list())
    add(bill.id, bill.origin, bill.vendors, bill.scope, bill.matched, bill.followers);
  return [...rows.values()];
}

function billLine(row: BillRow): ReplyLine {
  const found = row.matched
    ? ` (found by its text: ${row.matched.section ? `${row.matched.section}: ` : ''}"${truncate(row.matched.excerpt, 160)}")`
    : ' (found by discovery)';
  const origin = row.origin === 'discovery' ? found : row.origin === 'command' ? ' (tracked from chat)' : '';
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

/** State bills (legiscan source) have thread keys `bill:us-tn-sb1234-2001`: the state is read back from the key. */
const STATE_KEY = /^bill:us-([a-z]{2})-/;

/** The postal code of a state bill's record, undefined for a federal one. */
export function stateOfRecord(record: InstrumentRecord): string | undefined {
  return STATE_KEY.exec(record.key)?.[1]?.toUpperCase();
}

/** LegiScan's data is CC BY 4.0: wherever its bills are listed, it is credited. */
export const STATE_BILLS_CREDIT = 'LegiScan (CC BY 4.0)';

function stateBillLine(bill: InstrumentRecord): ReplyLine {
  const reference = bill.reference ? ` / ${bill.reference}` : '';
  const last = bill.lastAction ? ` — ${truncate(bill.lastAction, 200)}` : '';
  const stage = bill.stage === 'to-president' ? 'sent to the Governor' : stageLabel(bill.stage);
  return line(`${bill.label}${reference}: ${truncate(bill.title, 120)} — ${stage} (${bill.date})${last}`, bill.url);
}

/** `--state TN` (or `--state=TN`): the postal code asked for, and the other words. */
function takeState(args: readonly string[]): { state?: string; rest: string[] } {
  const rest: string[] = [];
  let state: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const inline = /^--state=(.*)$/i.exec(arg);
    if (!inline && arg.toLowerCase() !== '--state') {
      rest.push(arg);
      continue;
    }
    const value = inline ? inline[1] : args[++i];
    if (!value) throw new UserError('MISSING_VALUE', 'Name a state after --state, e.g. `bills --state TN`.');
    if (!/^[A-Za-z]{2}$/.test(value) || !isUsState(value))
      throw new UserError('USAGE', "A state is a US state's two-letter postal code, e.g. `bills --state TN`.");
    state = value.toUpperCase();
  }
  return { ...(state ? { state } : {}), rest };
}

/** `bills`: the tracked bills and rules, each with its stage, last action and date. */
export function billsHandler(deps: BillsDeps): CommandHandler {
  return {
    name: 'bills',
    summary: 'tracked bills and rules: stage, last action and date',
    usage: ['bills', 'bills --state TN'],
    requiresAdmin: () => false,
    async run(args, context) {
      const who = principalOf(context.actor);
      const { state, rest } = takeState(args);
      noMoreWords(rest, 'bills');
      const instruments = await deps.instruments.list();
      const stateBills = instruments.filter(
        (entry) => entry.kind === 'bill' && stateOfRecord(entry) && (!state || stateOfRecord(entry) === state),
      );
      const stateSection = {
        heading: `State bills${state ? ` in ${state}` : ''} (${stateBills.length}) — ${STATE_BILLS_CREDIT}`,
        lines: stateBills.length
          ? stateBills.slice(0, 50).map(stateBillLine)
          : [line(state ? `none seen in ${state} yet` : 'none seen yet (a legiscan source finds and follows them)')],
      };
      if (state)
        return reply(`Tracked bills in ${state}`, [stateSection], {
          data: { state, stateBills, credit: STATE_BILLS_CREDIT },
        });
      // Another workspace's or server's own bills are theirs; global and config bills are everyone's.
      // A bill several tenants follow is shown to each without the others' names.
      const bills = (await trackedBillRows(deps, instruments))
        .filter((row) => canSeeBill(who, row))
        .map((row) => (who.operator ? row : withoutTenants(row)));
      const rules = instruments.filter((entry) => entry.kind === 'rule');
      const sections = [
        {
          heading: `Bills (${bills.length})`,
          lines: bills.length ? bills.map(billLine) : [line('none tracked (add one with `track hr5515-115`)')],
        },
        ...(stateBills.length ? [stateSection] : []),
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
        data: { bills, rules, stateBills, congressActive: deps.congressActive() },
      });
    },
  };
}
