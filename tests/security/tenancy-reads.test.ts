import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rssDocument } from '../fakes/feed-server.js';
import {
  homeAdmin,
  operator,
  SECURITY,
  startTenantBot,
  stranger,
  STRANGER_CHANNEL,
  type TenantBot,
  until,
} from './tenant-bot.js';

/**
 * Finding C: `why` and `status` showed every channel of every workspace and server. Now every
 * chat read (`why`, `status`, `feeds list`, `bills`) shows the caller's own channels and scope;
 * operators see everything.
 */
let bot: TenantBot;
const item = {
  title: 'FCC bans new Hikvision and Dahua equipment over national security risk',
  link: 'https://news.example/fcc-reads',
  guid: 'r1',
  pubDate: new Date(),
};
const secChannel = 'discord-sec';
const strangerChannel = `discord-${STRANGER_CHANNEL}`;

beforeAll(async () => {
  bot = await startTenantBot();
  bot.feeds.route('/theirs.xml', { body: rssDocument({ title: 'Theirs', items: [] }) });
  expect((await bot.ask(stranger, { admin: true, subcommand: 'subscribe' })).title).toMatch(/now receives/);
  await until(() => bot.feeds.requestsTo('/official.xml').length >= 2);
  // #security refuses the post (Missing Access): a dead letter that names discord-sec.
  bot.discord.script({ method: 'POST', path: new RegExp(`/channels/${SECURITY}/messages`), status: 403, code: 50001 });
  bot.feeds.route('/official.xml', { body: rssDocument({ items: [item] }) });
  await bot.discord.waitFor(
    () => bot.discord.messages(STRANGER_CHANNEL).some((m) => JSON.stringify(m.body).includes(item.link)),
    20_000,
  );
  await until(async () => (await bot.ask(operator, { subcommand: 'status' })).text.includes(secChannel));
}, 60_000);
afterAll(async () => {
  await bot?.close();
});

describe("C: chat reads show only the caller's own channels", () => {
  it("`why` answers for the stranger's channel alone, and for the home server's alone", async () => {
    const theirs = await bot.ask(stranger, { subcommand: 'why', options: { item: item.link } });
    expect(theirs.text).toContain(strangerChannel);
    expect(theirs.text).not.toContain(secChannel);
    // Asked from a channel banwatch does not post to, `why` answers for every channel the caller may see.
    const elsewhere = await bot.ask(
      { ...stranger, channelId: '323456789012345678' },
      { subcommand: 'why', options: { item: item.link } },
    );
    expect(elsewhere.text).toContain(strangerChannel);
    expect(elsewhere.text).not.toContain(secChannel);
    const home = await bot.ask(homeAdmin, { subcommand: 'why', options: { item: item.link } });
    expect(home.text).toContain(secChannel);
    expect(home.text).not.toContain(strangerChannel);
  });

  it('`status` shows the stranger no dead letters of #security', async () => {
    const theirs = await bot.ask(stranger, { subcommand: 'status' });
    expect(theirs.text).not.toContain(secChannel);
    expect(theirs.text).not.toContain('Missing Access');
  });

  it("`feeds list` and `bills` hide another server's feeds and bills", async () => {
    const added = await bot.ask(stranger, {
      admin: true,
      group: 'feeds',
      subcommand: 'add',
      options: { url: bot.feeds.url('/theirs.xml') },
    });
    const id = /^Feed "(.*)" added$/.exec(added.title)?.[1] as string;
    expect(id).toBeTruthy();
    expect((await bot.ask(stranger, { admin: true, subcommand: 'track', options: { bill: 's1-118' } })).title).toMatch(
      /Now tracking/,
    );
    const homeFeeds = await bot.ask(homeAdmin, { admin: true, group: 'feeds', subcommand: 'list' });
    expect(homeFeeds.text).toContain('official');
    expect(homeFeeds.text).not.toContain(id);
    expect((await bot.ask(stranger, { admin: true, group: 'feeds', subcommand: 'list' })).text).toContain(id);
    // Adding the same address from the home server does not name the stranger's feed either.
    const again = await bot.ask(homeAdmin, {
      admin: true,
      group: 'feeds',
      subcommand: 'add',
      options: { url: bot.feeds.url('/theirs.xml') },
    });
    expect(again.title).toMatch(/already polled for another workspace or server/);
    expect(again.text).not.toContain(id);
    expect((await bot.ask(homeAdmin, { subcommand: 'bills' })).text).not.toContain('S.1 ');
    expect((await bot.ask(stranger, { subcommand: 'bills' })).text).toContain('S.1 ');
  });
});
