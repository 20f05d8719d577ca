import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CommandContext, CommandHandler } from '../../src/commands/command.js';
import { CommandRouter } from '../../src/commands/command-router.js';
import { reply, replyToText } from '../../src/commands/reply.js';
import { UserError } from '../../src/shared/errors.js';
import { silentLogger } from '../../src/shared/logger.js';
import type { Stores } from '../../src/store/open-stores.js';
import { sqlitePathFromUrl } from '../../src/store/sqlite/sqlite-backend.js';
import { mutableClock } from '../support/mutable-clock.js';
import { tempStores } from '../support/temp-stores.js';

const context: CommandContext = { actor: { platform: 'cli', id: 'tester', isAdmin: true } };
let stores: Stores & { url: string };

/** A command that changes something in the store, as `watch add` or `subscribe` do. */
const remember: CommandHandler = {
  name: 'remember',
  summary: 'stores a note',
  usage: ['remember NOTE'],
  requiresAdmin: () => false,
  async run(args) {
    await stores.backend.keyValue('notes').set('note', args.join(' '));
    return reply('Remembered', []);
  },
};

beforeEach(async () => {
  stores = await tempStores(mutableClock('2026-11-29T12:00:00Z'));
});
afterEach(() => stores.close());

describe('CommandRouter', () => {
  it('answers only once what the command changed is on disk, where another process sees it', async () => {
    const router = new CommandRouter([remember], silentLogger(), () => stores.flush());
    const answer = await router.handle(['remember', 'hikvision'], context);
    expect(answer.title).toBe('Remembered');
    const other = new Database(sqlitePathFromUrl(stores.url), { readonly: true });
    try {
      expect(other.prepare('SELECT count(*) AS n FROM kv_notes').get()).toEqual({ n: 1 });
    } finally {
      other.close();
    }
  });

  it('says the command could not be finished when its change could not be saved', async () => {
    const router = new CommandRouter([remember], silentLogger(), () => Promise.reject(new Error('disk I/O error')));
    const answer = await router.handle(['remember', 'dahua'], context);
    expect(answer).toMatchObject({ title: 'Something went wrong', refused: true, code: 'INTERNAL' });
  });

  it('gives every refusal its code: not an admin, an unknown command, a refusal from the handler', async () => {
    const guarded: CommandHandler = { ...remember, name: 'guarded', requiresAdmin: () => true };
    const picky: CommandHandler = {
      ...remember,
      name: 'picky',
      run: () => Promise.reject(new UserError('UNKNOWN_FEED', 'No feed with id "nope".')),
    };
    const router = new CommandRouter([remember, guarded, picky], silentLogger());
    const member: CommandContext = { actor: { platform: 'cli', id: 'member', isAdmin: false } };
    expect(await router.handle(['guarded', 'x'], member)).toMatchObject({ refused: true, code: 'NOT_ADMIN' });
    expect(await router.handle(['gaurded'], member)).toMatchObject({ refused: true, code: 'UNKNOWN_COMMAND' });
    const refusal = await router.handle(['picky'], context);
    expect(refusal).toMatchObject({ title: 'No feed with id "nope".', code: 'UNKNOWN_FEED' });
    expect(replyToText(refusal)).toMatch(/\ncode: UNKNOWN_FEED\n$/);
    expect(await router.handle(['remember', 'x'], context)).not.toHaveProperty('code');
  });

  it('writes usage as it is typed where it was asked: in a terminal, or as a slash command', async () => {
    const picky: CommandHandler = { ...remember, run: () => Promise.reject(new UserError('USAGE', 'Say what.')) };
    const router = new CommandRouter([picky], silentLogger());
    const slack: CommandContext = { actor: { platform: 'slack', id: 'U1', isAdmin: true } };
    expect(replyToText(await router.handle(['remember'], context))).toContain('\n  banwatch remember NOTE');
    expect(replyToText(await router.handle(['remember'], slack))).toContain('/banwatch remember NOTE');
    expect(replyToText(await router.handle(['help', 'remember'], context))).toMatch(
      /^banwatch remember: stores a note/,
    );
    expect(replyToText(await router.handle(['help'], context))).toContain('Type `banwatch help COMMAND`');
  });
});
