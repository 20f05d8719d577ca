import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import type { Channel } from '../domain/channel.js';
import { ConfigError } from '../shared/errors.js';
import type { Environment } from './env.js';
import { formatIssues } from './format-issues.js';
import { interpolate } from './interpolate.js';
import { packageRoot } from '../shared/package-root.js';
import { cachedYamlParse } from '../shared/yaml-cache.js';
import { parseYamlText } from '../shared/yaml-text.js';
import { knownKeysAt } from './known-keys.js';
import { readHttpSettings } from './http-env.js';
import {
  type DiscordSettings,
  type GovSettings,
  readPlatformSettings,
  type SlackSettings,
  type UiSettings,
} from './platform-env.js';
import { configSchema, REMEMBER_MARGIN_DAYS, type SourceConfig, storeUrl } from './schema.js';

/** The repository (or installed package) root, where config/ lives. */
export const PACKAGE_ROOT = packageRoot(import.meta.url);
export const DEFAULT_CONFIG_FILE = resolve(PACKAGE_ROOT, 'config', 'default.yaml');
export const DEFAULT_VENDORS_FILE = resolve(PACKAGE_ROOT, 'config', 'vendors.yaml');

type CongressConfig = Extract<SourceConfig, { type: 'congress' }>;
type FederalRegisterConfig = Extract<SourceConfig, { type: 'federal-register' }>;
type LegiscanConfig = Extract<SourceConfig, { type: 'legiscan' }>;

/**
 * A source as the app builds it: government sources carry their API base URL (the file's
 * `url`, else CONGRESS_API_URL / FEDERAL_REGISTER_API_URL, else the public API) and the
 * congress source its key (the file's `apiKey`, else CONGRESS_API_KEY or its `_FILE`).
 */
export type SourceSettings =
  | Extract<SourceConfig, { type: 'rss' }>
  | (Omit<CongressConfig, 'url' | 'apiKey'> & {
      url: string;
      apiKey?: string;
      backfill: 0;
      /** GovInfo for full-text discovery (GOVINFO_API_KEY, GOVINFO_API_URL). */
      govinfo: { url: string; apiKey?: string };
    })
  | (Omit<FederalRegisterConfig, 'url'> & { url: string })
  | (Omit<LegiscanConfig, 'url' | 'apiKey'> & { url: string; apiKey?: string; backfill: 0 })
  | Extract<SourceConfig, { type: 'screening-list' | 'ofac-sdn' | 'fcc-covered-list' }>;

/** Everything the process needs to start, validated once. */
export interface Config {
  file: string;
  store: string;
  vendorsFile: string;
  maxAgeDays: number;
  sources: SourceSettings[];
  channels: Channel[];
  admins: { slack: string[]; discord: string[] };
  /** The Slack workspaces and Discord servers that may use the bot (unset lists: any). */
  allowed: { slackTeams?: string[]; discordGuilds?: string[] };
  delivery: { intervalMs: number; maxAttempts: number; channelGapMs: number };
  /** How long delivered alerts are kept for `banwatch history`. */
  history: { retainDays: number };
  /** Failing feeds and feeds added at run time. */
  feeds: { pauseAfter: number; allowPrivateNetworks: boolean; intervalMs: number; parserThreads?: number };
  /** How long an item is remembered once seen (never less than maxAgeDays). */
  items: { rememberDays: number };
  /** How long stories (same-link claims), poll traces and delivery records are kept. */
  retention: { storiesMs: number; tracesMs: number; deliveriesMs: number };
  /** Watch terms: `maxTermsPerChannel` caps `watch add` and `watch import`. */
  watch: { maxTermsPerChannel: number };
  /** Alert buttons: "Not relevant" presses on one vendor in one channel before a mute is suggested. */
  triage: { suggestMuteAfter: number };
  /** LOG_LEVEL when set; each command has its own default otherwise. */
  logLevel?: string;
  port?: number;
  /** HOST: where the HTTP server listens (127.0.0.1 unless set). */
  host: string;
  /** METRICS_TOKEN: `/metrics` wants it as a bearer token when set. */
  metricsToken?: string;
  slack?: SlackSettings;
  discord?: DiscordSettings;
  gov: GovSettings;
  /** The web dashboard (UI_TOKEN); absent: /ui is not served. */
  ui?: UiSettings;
  /** Every secret value known at start-up; the logger masks them. */
  secrets: string[];
}

export interface LoadOptions {
  /** `--config FILE` from the command line; wins over BANWATCH_CONFIG. */
  file?: string;
  env: Environment;
}

/** Which file to read: `--config`, then BANWATCH_CONFIG, then config/default.yaml. */
function configFilePath(options: LoadOptions): string {
  const chosen = options.file ?? options.env.BANWATCH_CONFIG;
  return chosen ? resolve(chosen) : DEFAULT_CONFIG_FILE;
}

/**
 * Reads, interpolates and validates the config file and the environment. Every problem is
 * collected and thrown at once as a ConfigError (`path: message` lines); the CLI prints them
 * and exits with status 2.
 */
export function loadConfig(options: LoadOptions): Config {
  const file = configFilePath(options);
  if (!existsSync(file)) throw new ConfigError([`${file}: config file not found`]);
  // Only a file that parsed without errors is cached; the value is interpolated and checked below each time.
  const raw = cachedYamlParse(readFileSync(file, 'utf8'), (text) => parseYamlText(file, text));
  const { value, problems, substituted } = interpolate(raw, options.env);
  const parsed = configSchema.safeParse(value);
  const envProblems: string[] = [];
  const logLevel = options.env.LOG_LEVEL || undefined;
  if (logLevel !== undefined && !['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    envProblems.push(`LOG_LEVEL: expected one of fatal, error, warn, info, debug, trace, silent`);
  }
  const port = parsePort(options.env.PORT, envProblems);
  const http = readHttpSettings(options.env);
  envProblems.push(...http.problems);
  const storeOverride = options.env.BANWATCH_STORE;
  const storeCheck = storeOverride === undefined ? undefined : storeUrl.safeParse(storeOverride);
  if (storeCheck?.error) envProblems.push(`BANWATCH_STORE: ${storeCheck.error.issues[0]?.message}`);
  const platforms = readPlatformSettings(options.env, parsed.success ? parsed.data.channels : []);
  const known = (path: readonly PropertyKey[]) => knownKeysAt(path, value);
  // A value that could not be filled in from the environment fails validation too; say it once.
  const unfilled = new Set(problems.map((problem) => problem.slice(0, problem.indexOf(': '))));
  const schemaProblems = parsed.success
    ? []
    : formatIssues(parsed.error.issues, known).filter((line) => !unfilled.has(line.slice(0, line.indexOf(': '))));
  const all = [...problems, ...schemaProblems, ...envProblems, ...platforms.problems];
  if (!parsed.success || all.length) throw new ConfigError(all);

  const data = parsed.data;
  const baseDir = dirname(file);
  const sources = data.sources.map((source) => resolveSource(source, platforms.gov));
  const congressKeys = sources.map((source) => (source.type === 'congress' ? source.apiKey : undefined));
  const secrets = [
    ...substituted,
    ...[
      ...congressKeys,
      platforms.slack?.botToken,
      platforms.slack?.appToken,
      platforms.slack?.signingSecret,
      platforms.discord?.token,
      platforms.gov.congressApiKey,
      platforms.gov.govinfoApiKey,
      http.metricsToken,
      platforms.gov.legiscanApiKey,
      ...sources.map((source) => (source.type === 'legiscan' ? source.apiKey : undefined)),
      platforms.ui?.token,
    ].filter((value): value is string => Boolean(value)),
  ];
  return {
    file,
    store: storeOverride ?? data.store,
    vendorsFile: data.vendorsFile ? resolvePath(baseDir, data.vendorsFile) : DEFAULT_VENDORS_FILE,
    maxAgeDays: data.maxAgeDays,
    sources,
    // Tagged in place: a spread copy of each of 10,000 channels got a hidden class of its own (issue 24).
    channels: data.channels.map((channel) => Object.assign(channel, { origin: 'config' as const })),
    admins: data.admins,
    allowed: data.allowed,
    delivery: {
      intervalMs: data.delivery.interval,
      maxAttempts: data.delivery.maxAttempts,
      channelGapMs: data.delivery.channelGap,
    },
    history: data.history,
    feeds: {
      pauseAfter: data.feeds.pauseAfter,
      allowPrivateNetworks: data.feeds.allowPrivateNetworks,
      intervalMs: data.feeds.interval,
      ...(data.feeds.parserThreads !== undefined ? { parserThreads: data.feeds.parserThreads } : {}),
    },
    items: { rememberDays: data.items.rememberDays ?? data.maxAgeDays + REMEMBER_MARGIN_DAYS },
    retention: {
      storiesMs: data.retention.stories,
      tracesMs: data.retention.traces,
      deliveriesMs: data.retention.deliveries,
    },
    watch: { maxTermsPerChannel: data.watch.maxTermsPerChannel },
    triage: { suggestMuteAfter: data.triage.suggestMuteAfter },
    logLevel,
    port,
    host: http.host,
    ...(http.metricsToken ? { metricsToken: http.metricsToken } : {}),
    slack: platforms.slack,
    discord: platforms.discord,
    gov: platforms.gov,
    ...(platforms.ui ? { ui: platforms.ui } : {}),
    secrets: [...new Set(secrets.filter((s) => s.length >= 6))],
  };
}

function resolveSource(source: SourceConfig, gov: GovSettings): SourceSettings {
  switch (source.type) {
    case 'rss':
      return source;
    case 'congress': {
      const { apiKey, url, ...rest } = source;
      const key = apiKey?.trim() || gov.congressApiKey;
      // Every stage it reports is a change, so there is nothing to backfill.
      const govinfo = { url: gov.govinfoApiUrl, ...(gov.govinfoApiKey ? { apiKey: gov.govinfoApiKey } : {}) };
      return { ...rest, url: url ?? gov.congressApiUrl, backfill: 0, ...(key ? { apiKey: key } : {}), govinfo };
    }
    case 'legiscan': {
      const { apiKey, url, ...rest } = source;
      const key = apiKey?.trim() || gov.legiscanApiKey;
      // Like congress: every stage it reports is a change, nothing to backfill.
      return { ...rest, url: url ?? gov.legiscanApiUrl, backfill: 0, ...(key ? { apiKey: key } : {}) };
    }
    case 'federal-register': {
      const { url, ...rest } = source;
      return { ...rest, url: url ?? gov.federalRegisterApiUrl };
    }
    case 'screening-list':
    case 'ofac-sdn':
    case 'fcc-covered-list':
      return source;
  }
}

function parsePort(text: string | undefined, problems: string[]): number | undefined {
  if (text === undefined || text === '') return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    problems.push('PORT: expected a port number from 0 to 65535');
    return undefined;
  }
  return port;
}

function resolvePath(baseDir: string, path: string): string {
  return isAbsolute(path) ? path : resolve(baseDir, path);
}
