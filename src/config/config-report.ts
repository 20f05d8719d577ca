import { dump } from 'js-yaml';
import { maskUrl as maskSecretsInUrl } from '../shared/mask-url.js';
import type { Config } from './load-config.js';

/** A secret shown as its first few characters and a mask, so an operator can tell which one it is. */
function mask(value: string | undefined): string | undefined {
  if (!value) return value;
  return value.length <= 8 ? '***' : `${value.slice(0, 4)}***`;
}

/** A URL with its path, query and credentials masked: webhook URLs are secrets. */
function maskUrl(url: string | undefined): string | undefined {
  if (!url) return url;
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}/***`;
  } catch {
    return '***';
  }
}

function maskStore(url: string): string {
  return maskSecretsInUrl(url);
}

/**
 * The configuration banwatch would run with, as YAML: defaults filled in, `${VAR}`s replaced,
 * durations in milliseconds, and every secret masked (tokens, keys, webhook URLs, store passwords).
 */
export function effectiveConfigYaml(config: Config): string {
  const secrets = new Set(config.secrets);
  const scrub = (value: unknown): unknown => {
    if (typeof value === 'string') return secrets.has(value) ? mask(value) : value;
    if (Array.isArray(value)) return value.map(scrub);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v)]));
    return value;
  };
  const view = {
    file: config.file,
    store: maskStore(config.store),
    vendorsFile: config.vendorsFile,
    maxAgeDays: config.maxAgeDays,
    sources: config.sources.map((source) => {
      const shown = 'url' in source && source.url ? { ...source, url: maskSecretsInUrl(source.url) } : source;
      return 'apiKey' in shown ? { ...shown, apiKey: mask(shown.apiKey) } : shown;
    }),
    channels: config.channels.map((channel) => ({ ...channel, ...(channel.url ? { url: maskUrl(channel.url) } : {}) })),
    admins: config.admins,
    delivery: config.delivery,
    history: config.history,
    feeds: config.feeds,
    items: config.items,
    retention: config.retention,
    watch: config.watch,
    logLevel: config.logLevel ?? '(per command)',
    port: config.port ?? '(off unless a chat app needs it)',
    host: config.host,
    metricsToken: config.metricsToken ? mask(config.metricsToken) : '(unset: /metrics is open to whoever reaches it)',
    slack: config.slack && {
      ...config.slack,
      botToken: mask(config.slack.botToken),
      appToken: mask(config.slack.appToken),
      signingSecret: mask(config.slack.signingSecret),
    },
    discord: config.discord && {
      ...config.discord,
      token: mask(config.discord.token),
      publicKey: mask(config.discord.publicKey),
    },
    gov: {
      ...config.gov,
      congressApiKey: mask(config.gov.congressApiKey),
      govinfoApiKey: mask(config.gov.govinfoApiKey),
    },
  };
  // js-yaml, as the file is read (load-config.ts): at 100,000 feeds the yaml package's document
  // made `config check` a 7 s, 435 MB command. No anchors for repeated values, unset keys left out.
  return dump(scrub(view), { noRefs: true, skipInvalid: true, lineWidth: -1 });
}
