import { z } from 'zod';
import { formatBillId, parseBillId } from '../domain/bill-id.js';
import { CHANNEL_TYPES } from '../domain/channel.js';
import { parseDuration } from './duration.js';

const id = z
  .string({ error: 'expected an id (letters, digits, - and _)' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: 'expected an id of letters, digits, - and _ (at most 64)' });

const duration = z
  .string({ error: 'expected a duration like 10m' })
  .refine((text) => parseDuration(text) !== undefined, { error: 'expected a duration like 10m' })
  .transform((text) => parseDuration(text) as number);

const httpUrl = z
  .string({ error: 'expected an http(s) URL' })
  .refine((text) => /^https?:\/\/[^\s]+$/i.test(text) && URL.canParse(text), { error: 'expected an http(s) URL' });

const vendorList = z.array(z.string().min(1).max(100), { error: 'expected a list of vendor names' }).max(100);

const rssSource = z.strictObject({
  id,
  type: z.literal('rss'),
  url: httpUrl,
  name: z.string().min(1).max(80).optional(),
  interval: duration.default(600_000),
  backfill: z.number({ error: 'expected a number of items' }).int().min(0).max(50).default(0),
});

const billId = z
  .string({ error: 'expected a bill like hr5515-115 (type, number, congress)' })
  .refine((text) => parseBillId(text) !== undefined, {
    error: 'expected a bill like hr5515-115 (type, number, congress)',
  })
  .transform((text) => formatBillId(parseBillId(text) as NonNullable<ReturnType<typeof parseBillId>>));

/** `hr5515-115`, or `{id: hr5515-115, vendors: [Hikvision]}` to give the bill its own watch terms. */
const billEntry = z.preprocess(
  (value) => (typeof value === 'string' ? { id: value } : value),
  z.strictObject(
    { id: billId, vendors: vendorList.optional() },
    { error: 'expected a bill like hr5515-115, or {id: hr5515-115, vendors: [...]}' },
  ),
);

const congressSource = z.strictObject({
  id,
  type: z.literal('congress'),
  name: z.string().min(1).max(80).optional(),
  /** Congress.gov API base; CONGRESS_API_URL or https://api.congress.gov/v3 when absent. */
  url: httpUrl.optional(),
  /** `${CONGRESS_API_KEY}` style; empty means "use CONGRESS_API_KEY (or _FILE) from the environment". */
  apiKey: z.string({ error: 'expected the API key (or ${CONGRESS_API_KEY})' }).max(200).optional(),
  interval: duration.default(1_800_000),
  bills: z.array(billEntry, { error: 'expected a list of bills like hr5515-115' }).max(500).default([]),
  discover: z.boolean({ error: 'expected true or false' }).default(false),
});

const federalRegisterSource = z.strictObject({
  id,
  type: z.literal('federal-register'),
  name: z.string().min(1).max(80).optional(),
  /** Federal Register API base; FEDERAL_REGISTER_API_URL or https://www.federalregister.gov/api/v1 when absent. */
  url: httpUrl.optional(),
  interval: duration.default(3_600_000),
  backfill: z.number({ error: 'expected a number of items' }).int().min(0).max(50).default(0),
  terms: z
    .array(z.string().min(1).max(200), { error: 'expected a list of search terms' })
    .min(1, { error: 'name at least one search term' })
    .max(20),
  agencies: z
    .array(
      z
        .string()
        .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { error: 'expected an agency slug like federal-communications-commission' }),
      { error: 'expected a list of agency slugs' },
    )
    .max(50)
    .default([]),
});

export const SOURCE_TYPES = ['rss', 'congress', 'federal-register'] as const;

export const sourceSchema = z.discriminatedUnion('type', [rssSource, congressSource, federalRegisterSource], {
  error: (issue) => (issue.code === 'invalid_union' ? `expected type: ${SOURCE_TYPES.join(', ')}` : undefined),
});

/** The keys each source type accepts, for "did you mean" hints. */
export const sourceKeysByType: Record<string, string[]> = {
  rss: Object.keys(rssSource.shape),
  congress: Object.keys(congressSource.shape),
  'federal-register': Object.keys(federalRegisterSource.shape),
};
export const billEntryKeys = ['id', 'vendors'];

export const channelSchema = z
  .strictObject({
    id,
    type: z.enum(CHANNEL_TYPES, { error: `expected one of ${CHANNEL_TYPES.join(', ')}` }),
    url: httpUrl.optional(),
    channel: z
      .string()
      .regex(/^[A-Za-z0-9]{6,32}$/, { error: 'expected a platform channel id' })
      .optional(),
    vendors: vendorList.optional(),
    minScore: z.number({ error: 'expected a number from 0 to 1' }).min(0).max(1).optional(),
    sources: z.array(id).optional(),
  })
  .superRefine((channel, ctx) => {
    const isWebhook = channel.type === 'slack-webhook' || channel.type === 'discord-webhook';
    if (isWebhook && !channel.url)
      ctx.addIssue({ code: 'custom', path: ['url'], message: `required for type ${channel.type}` });
    const isApp = channel.type === 'slack' || channel.type === 'discord';
    if (isApp && !channel.channel)
      ctx.addIssue({ code: 'custom', path: ['channel'], message: `required for type ${channel.type}` });
  });

export const configSchema = z
  .strictObject({
    store: z
      .string()
      .regex(/^(sqlite|redis|rediss|postgres|postgresql):\/\//, {
        error: 'expected sqlite://PATH, redis://HOST:PORT or postgres://...',
      })
      .default('sqlite://data/banwatch.sqlite'),
    vendorsFile: z.string().min(1).optional(),
    maxAgeDays: z.number().int().min(1).max(3650).default(14),
    sources: z.array(sourceSchema, { error: 'expected a list of sources' }).default([]),
    channels: z.array(channelSchema, { error: 'expected a list of channels' }).default([]),
    admins: z
      .strictObject({
        slack: z
          .array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, { error: 'expected a Slack user id like U0123ABCD' }))
          .default([]),
        discord: z.array(z.string().regex(/^\d{15,22}$/, { error: 'expected a Discord user id' })).default([]),
      })
      .default({ slack: [], discord: [] }),
    delivery: z
      .strictObject({
        interval: duration.default(5_000),
        maxAttempts: z.number().int().min(1).max(1000).default(50),
        channelGap: z
          .string({ error: 'expected a duration like 1s (0s for none)' })
          .regex(/^\s*0+\s*(ms|s)?\s*$|^\s*\d+(\.\d+)?\s*(ms|s|m)\s*$/, {
            error: 'expected a duration like 1s (0s for none)',
          })
          .default('1s'),
      })
      .default({ interval: 5_000, maxAttempts: 50, channelGap: '1s' }),
    feeds: z
      .strictObject({
        pauseAfter: z.number({ error: 'expected a number of failures' }).int().min(1).max(1000).default(10),
        allowPrivateNetworks: z.boolean({ error: 'expected true or false' }).default(false),
        interval: duration.default(900_000),
        // Unset: one per core, at least 2 and at most 4. Several instances on one machine share its cores.
        parserThreads: z.number({ error: 'expected a number of threads' }).int().min(1).max(16).optional(),
      })
      .default({ pauseAfter: 10, allowPrivateNetworks: false, interval: 900_000 }),
  })
  .superRefine((config, ctx) => {
    const seen = new Map<string, number>();
    config.sources.forEach((source, index) => {
      const first = seen.get(source.id);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['sources', index, 'id'],
          message: `duplicate id "${source.id}" (also sources[${first}])`,
        });
      else seen.set(source.id, index);
    });
    const channels = new Map<string, number>();
    config.channels.forEach((channel, index) => {
      const first = channels.get(channel.id);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['channels', index, 'id'],
          message: `duplicate id "${channel.id}" (also channels[${first}])`,
        });
      else channels.set(channel.id, index);
      channel.sources?.forEach((sourceId, at) => {
        if (!seen.has(sourceId))
          ctx.addIssue({
            code: 'custom',
            path: ['channels', index, 'sources', at],
            message: `no source with id "${sourceId}"`,
          });
      });
    });
  });

export type ConfigFile = z.output<typeof configSchema>;
export type SourceConfig = z.output<typeof sourceSchema>;
export type ChannelConfig = z.output<typeof channelSchema>;
