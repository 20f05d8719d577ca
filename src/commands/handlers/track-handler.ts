import { billLabel, formatBillId, parseBillId, type BillId } from '../../domain/bill-id.js';
import type { Clock } from '../../domain/clock.js';
import type { TrackedBillStore } from '../../domain/ports.js';
import type { VendorCatalog } from '../../domain/vendor.js';
import { checkTerm } from '../../domain/watch-term.js';
import type { TrackedBill } from '../../domain/instrument.js';
import { billTenants, canAddScoped, canChangeScoped, canSeeBill, scopeForNew } from '../../domain/tenancy.js';
import { UserError } from '../../shared/errors.js';
import { principalOf, type CommandHandler } from '../command.js';
import { line, reply } from '../reply.js';
import type { ConfiguredBill } from './bills-handler.js';

export interface TrackDeps {
  configured(): readonly ConfiguredBill[];
  tracked: TrackedBillStore;
  catalog: VendorCatalog;
  clock: Clock;
  congressActive(): boolean;
}

const MAX_VENDORS = 25;

function billArgument(word: string | undefined, verb: string): BillId {
  const bill = word ? parseBillId(word) : undefined;
  if (!bill) {
    const shown = word ? `"${word.slice(0, 40)}" is not a bill id. ` : '';
    throw new UserError(
      word ? 'BAD_BILL' : 'MISSING_VALUE',
      `${shown}Name a bill as type, number and congress, e.g. \`${verb} hr5515-115\` (H.R.5515 of the 115th Congress).`,
    );
  }
  return bill;
}

/** Vendor names as the catalog spells them; other terms are kept as given (checked like watch terms). */
function vendorTerms(words: readonly string[], catalog: VendorCatalog): string[] {
  if (words.length > MAX_VENDORS) throw new UserError('TOO_MANY_VENDORS', `Name at most ${MAX_VENDORS} vendors.`);
  const out: string[] = [];
  for (const word of words) {
    const checked = checkTerm(word);
    if (!checked.ok)
      throw new UserError(
        'BAD_TERM',
        `${checked.reason[0]?.toUpperCase()}${checked.reason.slice(1)}. Nothing was changed.`,
      );
    const name = catalog.resolve(checked.term)?.name ?? checked.term;
    if (!out.includes(name)) out.push(name);
  }
  return out;
}

/** `track BILL [VENDOR...]`: follow a bill from now on; its stages are posted as one thread. */
export function trackHandler(deps: TrackDeps): CommandHandler {
  return {
    name: 'track',
    summary: 'follow a bill on Congress.gov and post each stage it reaches',
    usage: ['track BILL [VENDOR...]   e.g. track hr5515-115 Hikvision Dahua'],
    requiresAdmin: () => true,
    async run(args, context) {
      const [word, ...rest] = args;
      const bill = billArgument(word, 'track');
      const id = formatBillId(bill);
      const vendors = vendorTerms(rest, deps.catalog);
      const who = principalOf(context.actor);
      if (!canAddScoped(who))
        throw new UserError(
          'NOT_OPERATOR',
          "Only banwatch's operators can track bills from here. Nothing was changed.",
        );
      const scope = scopeForNew(who);
      if (deps.configured().some((entry) => entry.id === id)) {
        throw new UserError('ALREADY_TRACKED', `${billLabel(bill)} is already tracked: it is in the config file.`);
      }
      const existing = (await deps.tracked.list()).find((entry) => entry.id === id);
      if (existing) return trackExisting(deps, existing, scope, vendors);
      const added = await deps.tracked.add({
        id,
        origin: 'command',
        addedAt: deps.clock.now().toISOString(),
        addedBy: context.actor.name ?? context.actor.id,
        ...(vendors.length ? { vendors } : {}),
        ...(scope ? { scope } : {}),
      });
      if (!added) throw alreadyTracked(id);
      return nowTracking(deps, id, vendors, [
        `The next poll of Congress.gov posts its current stage, then one update per stage it reaches.${vendors.length ? ` Its alerts name ${vendors.join(', ')}.` : ''}`,
      ]);
    },
  };
}

/** "H.R.5515 (115th)" for a stored id such as `hr5515-115`. */
function labelOf(id: string): string {
  const bill = parseBillId(id);
  return bill ? billLabel(bill) : id;
}

function alreadyTracked(id: string): UserError {
  return new UserError(
    'ALREADY_TRACKED',
    `${labelOf(id)} is already tracked. Stop with \`untrack ${id}\` first to change it.`,
  );
}

function nowTracking(deps: TrackDeps, id: string, vendors: readonly string[], said: readonly string[]) {
  const lines = said.map((text) => line(text));
  if (!deps.congressActive())
    lines.push(line('No congress source is running yet: set CONGRESS_API_KEY and restart banwatch.'));
  return reply(`Now tracking ${labelOf(id)}`, [{ lines }], {
    visibility: 'channel',
    data: { tracked: id, vendors: [...vendors] },
  });
}

/**
 * `track` of a bill already tracked at run time. An operator makes a workspace's bill the whole
 * install's; a workspace or server follows another's bill, so its stages reach its channels too
 * (the bill keeps the vendors its alerts name: one list per bill).
 */
async function trackExisting(
  deps: TrackDeps,
  existing: TrackedBill,
  scope: string | undefined,
  vendors: readonly string[],
) {
  const tenants = billTenants(existing);
  if (tenants === undefined && scope !== undefined) {
    throw new UserError(
      'ALREADY_TRACKED',
      `${labelOf(existing.id)} is already tracked for the whole install: its stages already reach your channels.`,
    );
  }
  if (tenants === undefined || (scope !== undefined && tenants.includes(scope))) throw alreadyTracked(existing.id);
  if (scope === undefined) {
    const merged = [...new Set([...(existing.vendors ?? []), ...vendors])];
    const { scope: _owner, followers, ...global } = existing;
    await deps.tracked.put({ ...global, ...(merged.length ? { vendors: merged } : {}) });
    for (const tenant of followers ?? []) await deps.tracked.unfollow(existing.id, tenant);
    return nowTracking(deps, existing.id, merged, [
      'It was tracked by a workspace or server; now its stages go to every channel that takes them.',
    ]);
  }
  if (!(await deps.tracked.follow(existing.id, scope))) throw alreadyTracked(existing.id);
  const said = ['Its stages will reach your channels from the next poll of Congress.gov on.'];
  if (vendors.length)
    said.push(
      'It was already tracked on this install, so its alerts keep the vendors they name; yours were not added.',
    );
  return nowTracking(deps, existing.id, [], said);
}

/**
 * Ends the caller's tracking: a follower stops following; the tracker of a bill others follow
 * hands it to the first of them; anyone else (an operator, a sole tracker) removes it.
 */
async function stopTracking(
  deps: TrackDeps,
  id: string,
  tracked: TrackedBill | undefined,
  tenant: string | undefined,
): Promise<boolean> {
  if (tenant !== undefined && tracked?.followers?.includes(tenant)) return deps.tracked.unfollow(id, tenant);
  const [heir] = tracked?.followers ?? [];
  if (tenant !== undefined && tracked?.scope === tenant && heir !== undefined) {
    // Who added it stays with the tenant that leaves: the heir sees no other workspace's people.
    const { followers: _followers, addedBy: _addedBy, ...entry } = tracked;
    await deps.tracked.put({ ...entry, scope: heir });
    await deps.tracked.unfollow(id, heir);
    return true;
  }
  return deps.tracked.remove(id);
}

/** `untrack BILL`: stop following a bill tracked from chat or found by discovery. */
export function untrackHandler(deps: TrackDeps): CommandHandler {
  return {
    name: 'untrack',
    summary: 'stop following a bill',
    usage: ['untrack BILL   e.g. untrack hr5515-115'],
    requiresAdmin: () => true,
    async run(args, context) {
      const [word, ...rest] = args;
      if (rest.length) throw new UserError('USAGE', 'Name one bill.');
      const bill = billArgument(word, 'untrack');
      const id = formatBillId(bill);
      if (deps.configured().some((entry) => entry.id === id)) {
        throw new UserError('CONFIG_BILL', `${billLabel(bill)} is tracked by the config file; remove it there.`);
      }
      const who = principalOf(context.actor);
      const tracked = (await deps.tracked.list()).find((entry) => entry.id === id);
      if (tracked && !canSeeBill(who, tracked))
        throw new UserError('NOT_TRACKED', `${billLabel(bill)} is not tracked.`);
      const follower = !who.operator && who.tenant !== undefined && tracked?.followers?.includes(who.tenant);
      if (tracked && !follower && !canChangeScoped(who, tracked.scope))
        throw new UserError(
          'NOT_OPERATOR',
          `${billLabel(bill)} is tracked for the whole install; only banwatch's operators can untrack it.`,
        );
      if (!(await stopTracking(deps, id, tracked, who.operator ? undefined : who.tenant)))
        throw new UserError('NOT_TRACKED', `${billLabel(bill)} is not tracked.`);
      return reply(
        `Stopped tracking ${billLabel(bill)}`,
        [{ lines: [line('No further stages of it will be posted.')] }],
        { visibility: 'channel', data: { untracked: id } },
      );
    },
  };
}
