import { z } from 'zod';
import { formatBillId, parseBillId } from '../domain/bill-id.js';
import { CHANNEL_TYPES } from '../domain/channel.js';
import { DIGEST_DAYS, isTimeZone } from '../domain/digest-schedule.js';
import { MAX_MENTION_RULES } from '../domain/mention-rule.js';
import { checkMentionPlatforms, mentionRuleSchema } from './mention-schema.js';
import { parseDuration } from './duration.js';

const id = z
  .string({ error: 'expected an id (letters, digits, - and _)' })
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, { error: 'expected an id of letters, digits, - and _ (at most 64)' });

const duration = z
  .string({ error: 'expected a duration like 10m' })
  .refine((text) => parseDuration(text) !== undefined, { error: 'expected a duration like 10m' })
  .transform((text) => parseDuration(text) as number);

/** A duration that may be zero (`0s` turns a pause off). */
const pause = z
  .string({ error: 'expected a duration like 1s (0s for none)' })
  .refine((text) => parseDuration(text, { allowZero: true }) !== undefined, {
    error: 'expected a duration like 1s (0s for none)',
  })
  .transform((text) => parseDuration(text, { allowZero: true }) as number);

/** Where banwatch keeps its state; BANWATCH_STORE is checked against the same rule. */
export const storeUrl = z
  .string({ error: 'expected sqlite://PATH, redis://HOST:PORT or postgres://...' })
  .regex(/^(sqlite|redis|rediss|postgres|postgresql):\/\//, {
    error: 'expected sqlite://PATH, redis://HOST:PORT or postgres://...',
  });

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

const billObject = z.strictObject(
  { id: billId, vendors: vendorList.optional() },
  { error: 'expected a bill like hr5515-115, or {id: hr5515-115, vendors: [...]}' },
);

/** `hr5515-115`, or `{id: hr5515-115, vendors: [Hikvision]}` to give the bill its own watch terms. */
const billEntry = z.preprocess((value) => (typeof value === 'string' ? { id: value } : value), billObject);

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
  /** How far back discovery's first scan reads updated bills (`30d`); later scans resume where it stopped. */
  discoverLookback: duration.default(30 * 86_400_000),
});

/** `TN SB1234 2024`, or `{id: TN SB1234 2024, vendors: [DJI]}`: a state bill always tracked (state, number, a year of its session). */
const stateBillText = z
  .string({ error: 'expected a state bill like TN SB1234 2024 (state, number, year)' })
  .regex(/^[A-Za-z]{2}\s+[A-Za-z]{1,6}\s?\d{1,6}\s+\d{4}$/, {
    error: 'expected a state bill like TN SB1234 2024 (state, number, year)',
  });
const stateBillEntry = z.preprocess(
  (value) => (typeof value === 'string' ? { id: value } : value),
  z.strictObject(
    { id: stateBillText, vendors: vendorList.optional() },
    { error: 'expected a state bill like TN SB1234 2024, or {id: TN SB1234 2024, vendors: [...]}' },
  ),
);

/** State legislatures through LegiScan (src/sources/legiscan/). */
const legiscanSource = z.strictObject({
  id,
  type: z.literal('legiscan'),
  name: z.string().min(1).max(80).optional(),
  /** LegiScan API base; LEGISCAN_API_URL or https://api.legiscan.com/ when absent. */
  url: httpUrl.optional(),
  /** `${LEGISCAN_API_KEY}` style; empty means "use LEGISCAN_API_KEY (or _FILE) from the environment". */
  apiKey: z.string({ error: 'expected the API key (or ${LEGISCAN_API_KEY})' }).max(200).optional(),
  /** `all`, or postal codes (`TN`, `FL`). */
  states: z
    .array(z.string().regex(/^([A-Za-z]{2}|all|ALL)$/, { error: 'expected all or a two-letter state code like TN' }), {
      error: 'expected a list of states: [all] or [TN, FL, ...]',
    })
    .max(60)
    .default(['all']),
  /** LegiScan full-text searches; default: built from the vendor catalogue and "foreign adversary" products. */
  queries: z.array(z.string().min(2).max(400), { error: 'expected a list of search queries' }).max(20).optional(),
  bills: z.array(stateBillEntry, { error: 'expected a list of state bills like TN SB1234 2024' }).max(500).default([]),
  interval: duration.default(21_600_000),
  /** Queries a month before reads are refused (LegiScan's free tier allows 30,000). */
  monthlyLimit: z.number({ error: 'expected a number of queries' }).int().min(10).max(10_000_000).default(30_000),
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
  /** Also search the catalogue's vendor names (a few per request) within the agencies. */
  vendorNames: z.boolean({ error: 'expected true or false' }).default(true),
  /** Also search presidential documents (executive orders, proclamations) for the terms. */
  presidential: z.boolean({ error: 'expected true or false' }).default(true),
  /** Also alert on documents on public inspection, a day before they are published. */
  publicInspection: z.boolean({ error: 'expected true or false' }).default(true),
});

/** Official restriction lists (src/sources/lists/): `url` defaults to the official download. */
const listSourceFields = {
  id,
  name: z.string().min(1).max(80).optional(),
  // The lists change at most a few times a week; a 100 MB download every few hours is plenty.
  interval: duration.default(21_600_000),
  backfill: z.number({ error: 'expected a number of items' }).int().min(0).max(50).default(0),
  /** Share of a list one download may remove before it is held as suspect (default 10%). */
  maxRemovalShare: z.number({ error: 'expected a share from 0 to 1, e.g. 0.1' }).min(0).max(1).default(0.1),
};
const nameFilter = z.array(z.string().min(1).max(120), { error: 'expected a list of names' }).max(50).default([]);

const screeningListSource = z.strictObject({
  ...listSourceFields,
  type: z.literal('screening-list'),
  url: httpUrl.default('https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv'),
  /** Keep only these lists (`Entity List`, `MEU`, `SDN`, ...); all when empty. */
  lists: nameFilter,
});

const ofacSdnSource = z.strictObject({
  ...listSourceFields,
  type: z.literal('ofac-sdn'),
  url: httpUrl.default('https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/SDN.XML'),
  /** Keep only entries under these programs (`CYBER2`, `SDGT`, ...); all when empty. */
  programs: nameFilter,
});

const fccCoveredListSource = z.strictObject({
  ...listSourceFields,
  type: z.literal('fcc-covered-list'),
  url: httpUrl.default('https://www.fcc.gov/supplychain/coveredlist'),
});

/** Every source type; a new one is added here and nowhere else in config/. */
const sourceTypes = [
  rssSource,
  congressSource,
  federalRegisterSource,
  screeningListSource,
  ofacSdnSource,
  fccCoveredListSource,
  legiscanSource,
] as const;

/** The keys each source type accepts, for "did you mean" hints. */
export const sourceKeysByType: Record<string, string[]> = Object.fromEntries(
  sourceTypes.map((source) => [source.shape.type.value, Object.keys(source.shape)]),
);

export const sourceSchema = z.discriminatedUnion('type', sourceTypes, {
  error: (issue) =>
    issue.code === 'invalid_union' ? `expected type: ${Object.keys(sourceKeysByType).join(', ')}` : undefined,
});

export const billEntryKeys = Object.keys(billObject.shape);

/** `digest: {every: daily, at: "08:30", timezone: Europe/Berlin}`: alerts collected and posted once a day or week. */
const digestSchema = z.strictObject({
  every: z.enum(['daily', 'weekly'], { error: 'expected daily or weekly' }),
  at: z
    .string({ error: 'expected a local time like "08:30" (quote it in YAML)' })
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected a local time like "08:30" (24 h, quoted)' })
    .default('08:00'),
  timezone: z
    .string({ error: 'expected an IANA time zone like Europe/Berlin' })
    .refine(isTimeZone, { error: 'expected an IANA time zone like Europe/Berlin or UTC' })
    .default('UTC'),
  day: z.enum(DIGEST_DAYS, { error: `expected a weekday: ${DIGEST_DAYS.join(', ')}` }).default('monday'),
  mode: z
    .enum(['instead', 'besides'], { error: 'expected instead (digest only) or besides (live alerts too)' })
    .default('instead'),
});

export const digestKeys = Object.keys(digestSchema.shape);
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
    digest: digestSchema.optional(),
    mentions: z
      .array(mentionRuleSchema, { error: 'expected a list of mention rules' })
      .max(MAX_MENTION_RULES)
      .optional(),
  })
  .superRefine((channel, ctx) => {
    checkMentionPlatforms(channel, ctx);
    const isWebhook = channel.type === 'slack-webhook' || channel.type === 'discord-webhook';
    if (isWebhook && !channel.url)
      ctx.addIssue({ code: 'custom', path: ['url'], message: `required for type ${channel.type}` });
    const isApp = channel.type === 'slack' || channel.type === 'discord';
    if (isApp && !channel.channel)
      ctx.addIssue({ code: 'custom', path: ['channel'], message: `required for type ${channel.type}` });
  });

const adminsSchema = z.strictObject({
  slack: z
    .array(z.string().regex(/^[UW][A-Z0-9]{2,}$/, { error: 'expected a Slack user id like U0123ABCD' }))
    .default([]),
  discord: z.array(z.string().regex(/^\d{15,22}$/, { error: 'expected a Discord user id' })).default([]),
});

// The Slack workspaces (team ids) and Discord servers (guild ids) that may use the bot; unset: any.
const allowedSchema = z.strictObject({
  slackTeams: z
    .array(z.string().regex(/^[TE][A-Z0-9]{2,}$/, { error: 'expected a Slack team id like T0123ABCD' }))
    .optional(),
  discordGuilds: z.array(z.string().regex(/^\d{15,22}$/, { error: 'expected a Discord server (guild) id' })).optional(),
});

const triageSchema = z.strictObject({
  // "Not relevant" presses on one vendor in one channel before banwatch suggests muting it there.
  suggestMuteAfter: z.number({ error: 'expected a number of presses' }).int().min(1).max(1000).default(3),
});

const deliverySchema = z.strictObject({
  interval: duration.default(5_000),
  maxAttempts: z.number().int().min(1).max(1000).default(50),
  channelGap: pause.default(1_000),
});

/** The audit trail of deliveries (`banwatch history`). */
const historySchema = z.strictObject({
  retainDays: z.number({ error: 'expected a number of days' }).int().min(1).max(36_500).default(730),
});

const feedsSchema = z.strictObject({
  pauseAfter: z.number({ error: 'expected a number of failures' }).int().min(1).max(1000).default(10),
  allowPrivateNetworks: z.boolean({ error: 'expected true or false' }).default(false),
  interval: duration.default(900_000),
  // Unset: one per core but one, from 1 to 4 (defaultParserThreads in sources/rss/feed-reader-pool.ts). Instances on one machine share its cores.
  parserThreads: z.number({ error: 'expected a number of threads' }).int().min(1).max(16).optional(),
});

/** Unset `items.rememberDays`: maxAgeDays and this margin (clock skew, items dated a little ahead). */
export const REMEMBER_MARGIN_DAYS = 2;
const DAY_MS = 86_400_000;

const itemsSchema = z.strictObject({
  // Unset: maxAgeDays + REMEMBER_MARGIN_DAYS. Never below maxAgeDays (checked below).
  rememberDays: z.number({ error: 'expected a number of days' }).int().min(1).max(3650).optional(),
});

const retentionSchema = z.strictObject({
  stories: duration.refine((ms) => ms >= DAY_MS, { error: 'expected at least 1d' }).default(30 * DAY_MS),
  traces: duration.refine((ms) => ms >= DAY_MS, { error: 'expected at least 1d' }).default(30 * DAY_MS),
  deliveries: duration.refine((ms) => ms >= DAY_MS, { error: 'expected at least 1d' }).default(90 * DAY_MS),
});

const watchSchema = z.strictObject({
  // Watch terms per channel (`watch add`, `watch import`); the router reads each channel's terms per item.
  maxTermsPerChannel: z.number({ error: 'expected a number of terms' }).int().min(1).max(20_000).default(1_000),
});

/** The keys of each nested section, for "did you mean" hints. */
export const sectionKeys: Record<string, string[]> = {
  admins: Object.keys(adminsSchema.shape),
  allowed: Object.keys(allowedSchema.shape),
  delivery: Object.keys(deliverySchema.shape),
  feeds: Object.keys(feedsSchema.shape),
  items: Object.keys(itemsSchema.shape),
  retention: Object.keys(retentionSchema.shape),
  history: Object.keys(historySchema.shape),
  watch: Object.keys(watchSchema.shape),
  triage: Object.keys(triageSchema.shape),
};

export const configSchema = z
  .strictObject({
    store: storeUrl.default('sqlite://data/banwatch.sqlite'),
    vendorsFile: z.string().min(1).optional(),
    maxAgeDays: z.number().int().min(1).max(3650).default(14),
    sources: z.array(sourceSchema, { error: 'expected a list of sources' }).default([]),
    channels: z.array(channelSchema, { error: 'expected a list of channels' }).default([]),
    // prefault: an absent section is parsed as {}, so each default is stated once, on its field.
    admins: adminsSchema.prefault({}),
    allowed: allowedSchema.prefault({}),
    delivery: deliverySchema.prefault({}),
    feeds: feedsSchema.prefault({}),
    items: itemsSchema.prefault({}),
    retention: retentionSchema.prefault({}),
    history: historySchema.prefault({}),
    watch: watchSchema.prefault({}),
    triage: triageSchema.prefault({}),
  })
  .superRefine((config, ctx) => {
    const remember = config.items.rememberDays;
    if (remember !== undefined && remember < config.maxAgeDays)
      ctx.addIssue({
        code: 'custom',
        path: ['items', 'rememberDays'],
        message: `must be at least maxAgeDays (${config.maxAgeDays}): an item forgotten while it is young enough to alert would be alerted again`,
      });
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

export type SourceConfig = z.output<typeof sourceSchema>;
export type ChannelConfig = z.output<typeof channelSchema>;
