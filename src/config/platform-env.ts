import type { ChannelConfig } from './schema.js';
import { checkEd25519PublicKey } from '../shared/ed25519-key.js';
import { type Environment, readSecret, SecretFileError } from './env.js';

export interface SlackSettings {
  botToken: string;
  /** Socket Mode when set (no public URL needed). */
  appToken?: string;
  /** HTTP mode: requests to /slack/events are verified with it. */
  signingSecret?: string;
  /** Web API base URL override (proxies, tests), ending in `/api/`. */
  apiUrl?: string;
}

export interface DiscordSettings {
  token: string;
  applicationId: string;
  /** HTTP interactions at /discord/interactions when set; the gateway otherwise. */
  publicKey?: string;
  /** REST base URL override (proxies, tests), e.g. `http://127.0.0.1:PORT/api`. */
  apiUrl?: string;
}

export interface GovSettings {
  congressApiKey?: string;
  congressApiUrl: string;
  /** GovInfo, for full-text bill discovery; without a key that discovery is off (the rest works). */
  govinfoApiKey?: string;
  govinfoApiUrl: string;
  legiscanApiKey?: string;
  legiscanApiUrl: string;
  federalRegisterApiUrl: string;
}

export interface PlatformSettings {
  slack?: SlackSettings;
  discord?: DiscordSettings;
  gov: GovSettings;
  /** The web dashboard, served under /ui only when UI_TOKEN (or UI_TOKEN_FILE) is set. */
  ui?: UiSettings;
  problems: string[];
}

export interface UiSettings {
  /** Whoever holds it signs in to the dashboard as an operator. */
  token: string;
}

/**
 * Reads the chat platforms' and government APIs' settings from the environment (with the
 * `_FILE` variants for secrets) and checks they fit the channels the config file declares.
 */
export function readPlatformSettings(env: Environment, channels: readonly ChannelConfig[]): PlatformSettings {
  const problems: string[] = [];
  const secret = (name: string) => {
    try {
      return readSecret(env, name);
    } catch (error) {
      if (error instanceof SecretFileError) {
        problems.push(error.message);
        return undefined;
      }
      throw error;
    }
  };
  const url = (name: string) => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    if (!/^https?:\/\//.test(value) || !URL.canParse(value)) {
      problems.push(`${name}: expected an http(s) URL`);
      return undefined;
    }
    return value;
  };

  let slack: SlackSettings | undefined;
  const botToken = secret('SLACK_BOT_TOKEN');
  if (botToken) {
    slack = {
      botToken,
      appToken: secret('SLACK_APP_TOKEN'),
      signingSecret: secret('SLACK_SIGNING_SECRET'),
      apiUrl: url('SLACK_API_URL'),
    };
    if (!slack.appToken && !slack.signingSecret) {
      problems.push(
        'SLACK_SIGNING_SECRET: required when SLACK_APP_TOKEN is not set (HTTP mode verifies every request with it)',
      );
    }
  }

  let discord: DiscordSettings | undefined;
  const token = secret('DISCORD_TOKEN');
  const applicationId = env.DISCORD_APPLICATION_ID;
  if (token || applicationId) {
    if (!token) problems.push('DISCORD_TOKEN: required with DISCORD_APPLICATION_ID');
    if (!applicationId || !/^\d{15,22}$/.test(applicationId))
      problems.push('DISCORD_APPLICATION_ID: expected the application id (a number) with DISCORD_TOKEN');
    const publicKey = secret('DISCORD_PUBLIC_KEY');
    const keyCheck = publicKey ? checkEd25519PublicKey(publicKey) : undefined;
    if (keyCheck && !keyCheck.ok) problems.push(`DISCORD_PUBLIC_KEY: ${keyCheck.reason}`);
    if (token && applicationId) discord = { token, applicationId, publicKey, apiUrl: url('DISCORD_API_URL') };
  }

  channels.forEach((channel, index) => {
    if (channel.type === 'slack' && !slack)
      problems.push(`channels[${index}].type: slack channels need SLACK_BOT_TOKEN`);
    if (channel.type === 'discord' && !discord)
      problems.push(`channels[${index}].type: discord channels need DISCORD_TOKEN and DISCORD_APPLICATION_ID`);
  });

  const uiToken = secret('UI_TOKEN');
  // The token is the dashboard's only credential, and it opens operator actions: no short guessable ones.
  if (uiToken !== undefined && uiToken.length < 16) problems.push('UI_TOKEN: expected at least 16 characters');

  return {
    slack,
    discord,
    ...(uiToken && uiToken.length >= 16 ? { ui: { token: uiToken } } : {}),
    gov: {
      congressApiKey: secret('CONGRESS_API_KEY'),
      congressApiUrl: url('CONGRESS_API_URL') ?? 'https://api.congress.gov/v3',
      govinfoApiKey: secret('GOVINFO_API_KEY'),
      govinfoApiUrl: url('GOVINFO_API_URL') ?? 'https://api.govinfo.gov',
      legiscanApiKey: secret('LEGISCAN_API_KEY'),
      legiscanApiUrl: url('LEGISCAN_API_URL') ?? 'https://api.legiscan.com/',
      federalRegisterApiUrl: url('FEDERAL_REGISTER_API_URL') ?? 'https://www.federalregister.gov/api/v1',
    },
    problems,
  };
}
