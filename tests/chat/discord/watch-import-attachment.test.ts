import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { attachmentReader } from '../../../src/chat/discord/attachment-fetch.js';
import { MAX_INVENTORY_BYTES } from '../../../src/commands/handlers/inventory-csv.js';
import { createFeedFetcher } from '../../../src/shared/http/feed-fetcher.js';
import { embedOf, startBot, type Bot } from './bot-fixture.js';
import { commandInteraction, MANAGE_GUILD, PLAIN_MEMBER, postInteraction } from './signed-interaction.js';

/**
 * GIVEN the Discord bot (real handlers, a real SQLite store) and a fake Discord CDN on 127.0.0.1
 * serving a supplier list, the bot's attachment reader told that CDN is Discord's
 * WHEN `/banwatch-admin watch import` arrives with the CSV attached (option type 11)
 * THEN an admin's import is fetched from the CDN and reported; a member, a file too large, or a
 * URL anywhere but the CDN is refused before anything is fetched; and the default reader will not
 * fetch a private address at all.
 */
const CSV = 'name,aliases\nHikvision,EZVIZ\nAcme Widgets,AcmeCo\n';
let cdn: Server;
let cdnOrigin: string;
const fetched: string[] = [];
let bot: Bot;

beforeAll(async () => {
  cdn = createServer((req, res) => {
    fetched.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'text/csv' }).end(CSV);
  });
  await new Promise<void>((resolve) => cdn.listen(0, '127.0.0.1', resolve));
  cdnOrigin = `http://127.0.0.1:${(cdn.address() as AddressInfo).port}`;
  // The real reader with the fake CDN as the one origin, and its address exempt from the private-network block.
  const fetcher = createFeedFetcher({ allowPrivateNetworks: false, exemptAddresses: ['127.0.0.1'], maxRedirects: 0 });
  bot = await startBot({ deferAfterMs: 0, attachments: attachmentReader({ origins: [cdnOrigin], fetcher }) });
});
afterAll(async () => {
  await bot.close();
  await new Promise((resolve) => cdn.close(resolve));
});
beforeEach(() => {
  bot.api.reset();
  fetched.length = 0;
});

function importInteraction(attachment: Record<string, unknown>, permissions = MANAGE_GUILD) {
  const payload = commandInteraction({
    command: 'banwatch-admin',
    group: 'watch',
    subcommand: 'import',
    options: [{ name: 'file', type: 11, value: '600000000000000001' }],
    permissions,
  });
  const data = payload.data as Record<string, unknown>;
  data.resolved = { attachments: { '600000000000000001': { id: '600000000000000001', ...attachment } } };
  return payload;
}

/** Sends the interaction and returns the deferred answer's embed title once it is edited in. */
async function answerTo(payload: object): Promise<string> {
  const sent = await postInteraction(bot.url, payload, { keys: bot.keys });
  if (sent.json?.type === 4) return embedOf(sent.json.data).title;
  await bot.api.waitFor(() => bot.api.calls('PATCH').length + bot.api.calls('POST', /webhooks/).length > 0);
  const edit = bot.api.calls('PATCH')[0] ?? bot.api.calls('POST', /webhooks/)[0];
  return embedOf(edit?.body).title;
}

const file = (url: string, size = CSV.length) => ({
  id: '600000000000000001',
  filename: 'suppliers.csv',
  size,
  url,
  content_type: 'text/csv',
});

describe('/banwatch-admin watch import with an attached CSV', () => {
  it("imports an admin's file from the CDN and reports what matched", async () => {
    const title = await answerTo(importInteraction(file(`${cdnOrigin}/attachments/1/2/suppliers.csv?ex=1&hm=2`)));
    expect(title).toBe('Imported suppliers.csv into discord-sec: 2 new watch terms');
    expect(fetched).toEqual(['/attachments/1/2/suppliers.csv?ex=1&hm=2']);
    const terms = await bot.stores.watch.list('discord-sec');
    expect(terms.map((t) => [t.term, t.aliases])).toEqual([
      ['Hikvision', ['EZVIZ']],
      ['Acme Widgets', ['AcmeCo']],
    ]);
  });

  it('refuses a member, a file over the size cap and a URL off the CDN without fetching anything', async () => {
    const member = await postInteraction(bot.url, importInteraction(file(`${cdnOrigin}/a.csv`), PLAIN_MEMBER), {
      keys: bot.keys,
    });
    expect(embedOf(member.json?.data).title).toBe('Not allowed');
    expect(await answerTo(importInteraction(file(`${cdnOrigin}/a.csv`, MAX_INVENTORY_BYTES + 1)))).toMatch(
      /^suppliers\.csv is larger than 5 MB/,
    );
    bot.api.reset();
    expect(await answerTo(importInteraction(file('http://169.254.169.254/latest/meta-data.csv')))).toMatch(
      /^banwatch reads attachments only from Discord's CDN/,
    );
    expect(fetched).toEqual([]);
  });
});

describe('the default attachment reader', () => {
  it("refuses a private address even on an allowed origin, and anything but Discord's CDN", async () => {
    const guarded = attachmentReader({ origins: [cdnOrigin] });
    await expect(guarded.read(file(`${cdnOrigin}/a.csv`))).rejects.toMatchObject({ code: 'NO_UPLOAD' });
    await guarded.close();
    const standard = attachmentReader();
    await expect(standard.read(file(`${cdnOrigin}/a.csv`))).rejects.toThrow(/only from Discord's CDN/);
    await standard.close();
    expect(fetched).toEqual([]);
  });
});
