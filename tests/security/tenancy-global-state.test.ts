import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rssDocument } from '../fakes/feed-server.js';
import {
  homeMember,
  operator,
  SECURITY,
  startTenantBot,
  stranger,
  STRANGER_CHANNEL,
  type TenantBot,
} from './tenant-bot.js';

/**
 * Finding A: a stranger's Discord server (a Manage Server member there) could change global
 * state — add a feed that posted into the operator's #security, remove the operator's feed,
 * untrack the operator's bill. Now what a server admin adds is scoped to that server's
 * channels, and global state is the operators'.
 */
let bot: TenantBot;
const phish = {
  title: 'FCC bans Hikvision and Dahua equipment: verify your account now',
  link: 'https://phish.example/fcc-hikvision',
  guid: 'p1',
  pubDate: new Date(),
};

beforeAll(async () => {
  bot = await startTenantBot();
  bot.feeds.route('/phish.xml', { body: rssDocument({ title: 'Phish', items: [] }) });
  bot.feeds.route('/global.xml', { body: rssDocument({ title: 'Global', items: [] }) });
}, 30_000);
afterAll(async () => {
  await bot?.close();
});

describe('A: global state belongs to the operators', () => {
  it("scopes a stranger's feed to the stranger's server: its alerts never reach the operator's #security", async () => {
    const subscribed = await bot.ask(stranger, { admin: true, subcommand: 'subscribe' });
    expect(subscribed.title).toMatch(/now receives/);
    const added = await bot.ask(stranger, {
      admin: true,
      group: 'feeds',
      subcommand: 'add',
      options: { url: bot.feeds.url('/phish.xml') },
    });
    expect(added.title).toMatch(/^Feed ".*" added$/);
    expect(added.text).toMatch(/only to this workspace or server/);
    // First poll records; the next carries the phishing alert.
    await expect.poll(() => bot.feeds.requestsTo('/phish.xml').length, { timeout: 15_000 }).toBeGreaterThanOrEqual(2);
    bot.feeds.route('/phish.xml', { body: rssDocument({ title: 'Phish', items: [phish] }) });
    await bot.discord.waitFor(
      () => bot.discord.messages(STRANGER_CHANNEL).some((m) => JSON.stringify(m.body).includes(phish.link)),
      20_000,
    );
    // The routing decision for #security was made in the same ingest: `why` reads it back.
    const why = await bot.ask(operator, { subcommand: 'why', options: { item: phish.link } });
    expect(why.text).toMatch(/discord-sec: not posted: the feed belongs to another workspace or server/);
    expect(bot.discord.messages(SECURITY).some((m) => JSON.stringify(m.body).includes(phish.link))).toBe(false);
    // Nor does it show up in the home server's vendor lookup (the latest alerts).
    const lookup = await bot.ask(homeMember, { subcommand: 'vendor', options: { name: 'hikvision' } });
    expect(lookup.title).toMatch(/^Hikvision/);
    expect(lookup.text).not.toContain('phish.example');
  }, 60_000);

  it("refuses a stranger removing or resuming the operator's feed", async () => {
    const added = await bot.ask(operator, {
      admin: true,
      group: 'feeds',
      subcommand: 'add',
      options: { url: bot.feeds.url('/global.xml') },
    });
    expect(added.title).toMatch(/^Feed "(.*)" added$/);
    expect(added.text).not.toMatch(/only to this workspace/);
    const id = /^Feed "(.*)" added$/.exec(added.title)?.[1] as string;
    const removed = await bot.ask(stranger, { admin: true, group: 'feeds', subcommand: 'remove', options: { id } });
    expect(removed.title).toMatch(/only banwatch's operators can change it/);
    const resumed = await bot.ask(stranger, { admin: true, group: 'feeds', subcommand: 'resume', options: { id } });
    expect(resumed.title).toMatch(/only banwatch's operators can change it/);
    const list = await bot.ask(operator, { admin: true, group: 'feeds', subcommand: 'list' });
    expect(list.text).toContain(id);
  });

  it("refuses a stranger untracking the operator's bill; the stranger's own bill is theirs", async () => {
    const tracked = await bot.ask(operator, { admin: true, subcommand: 'track', options: { bill: 'hr5515-115' } });
    expect(tracked.title).toMatch(/Now tracking H\.R\.5515/);
    const untrack = await bot.ask(stranger, { admin: true, subcommand: 'untrack', options: { bill: 'hr5515-115' } });
    expect(untrack.title).toMatch(/only banwatch's operators can untrack it/);
    const own = await bot.ask(stranger, { admin: true, subcommand: 'track', options: { bill: 's1-118' } });
    expect(own.title).toMatch(/Now tracking/);
    expect(
      (await bot.ask(stranger, { admin: true, subcommand: 'untrack', options: { bill: 's1-118' } })).title,
    ).toMatch(/Stopped tracking/);
  });
});
