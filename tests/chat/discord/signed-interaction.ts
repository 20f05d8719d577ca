import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';

/** An Ed25519 key pair standing in for a Discord application's, built with node:crypto. */
export interface TestKeys {
  /** 64 hex characters, as the Developer Portal shows it (DISCORD_PUBLIC_KEY). */
  publicKeyHex: string;
  privateKey: KeyObject;
}

export function testKeys(): TestKeys {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return { publicKeyHex: Buffer.from(jwk.x as string, 'base64url').toString('hex'), privateKey };
}

/** Discord's signature: Ed25519 over timestamp + raw body, hex. */
export function signature(keys: TestKeys, timestamp: string, body: string): string {
  return sign(null, Buffer.from(timestamp + body, 'utf8'), keys.privateKey).toString('hex');
}

export interface PostOptions {
  /** Signs with these keys (another pair plays "wrong key"); unsigned when undefined. */
  keys?: TestKeys;
  /** Unix seconds; now by default. */
  timestamp?: string;
  /** Sign this body, then send `body` (a tampered request). */
  signedBody?: string;
}

/** An interaction response as the route answers one, with the fields the tests read. */
export interface InteractionResponse {
  /** 1 PONG, 4 a message, 5 a deferral, 7 an update of the pressed message, 8 autocomplete choices. */
  type: number;
  /** Absent on a PONG. */
  data?: {
    content?: string;
    flags?: number;
    allowed_mentions?: unknown;
    embeds?: unknown[];
    choices?: Array<{ name: string; value: string }>;
  };
}

export interface PostResult {
  status: number;
  text: string;
  /** The parsed body; undefined when it is not JSON (a refusal). */
  json: InteractionResponse | undefined;
}

/** POSTs an interaction as Discord does: raw JSON with X-Signature-Ed25519 and X-Signature-Timestamp. */
export async function postInteraction(
  url: string,
  payload: object | string,
  options: PostOptions = {},
): Promise<PostResult> {
  const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
  const timestamp = options.timestamp ?? String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'user-agent': 'Discord-Interactions/1.0 (+https://discord.com)',
  };
  if (options.keys) {
    headers['x-signature-ed25519'] = signature(options.keys, timestamp, options.signedBody ?? body);
    headers['x-signature-timestamp'] = timestamp;
  }
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  let json: InteractionResponse | undefined;
  try {
    json = JSON.parse(text) as InteractionResponse;
  } catch {
    json = undefined;
  }
  return { status: response.status, text, json };
}

let nextId = 1_200_000_000_000_000_000n;

export interface CommandSpec {
  /** `banwatch` or `banwatch-admin`; tests send other names too. */
  command: string;
  group?: string;
  subcommand?: string;
  options?: Array<{ name: string; type: number; value: string | number | boolean; focused?: boolean }>;
  channelId?: string;
  guildId?: string;
  userId?: string;
  /** The member's permissions in the channel, as Discord computes them (a decimal string). */
  permissions?: string;
  /** 2 (a command, default) or 4 (autocomplete). */
  type?: number;
  /** Sent from a DM: `user` instead of `member`. */
  dm?: boolean;
}

export const MANAGE_GUILD = String(1n << 5n);
export const PLAIN_MEMBER = String((1n << 10n) | (1n << 11n));

/** A chat-input interaction payload as Discord sends it. */
export function commandInteraction(spec: CommandSpec): Record<string, unknown> {
  let options: unknown[] = spec.options ?? [];
  if (spec.subcommand) options = [{ type: 1, name: spec.subcommand, options }];
  if (spec.group) options = [{ type: 2, name: spec.group, options }];
  const user = {
    id: spec.userId ?? '300000000000000001',
    username: 'alice',
    global_name: 'Alice',
    discriminator: '0',
    avatar: null,
  };
  const id = String(nextId++);
  return {
    id,
    application_id: '100000000000000001',
    type: spec.type ?? 2,
    token: `itoken-${id}`,
    version: 1,
    data: { id: '400000000000000001', name: spec.command, type: 1, options },
    channel_id: spec.channelId ?? '123456789012345678',
    channel: { id: spec.channelId ?? '123456789012345678', type: 0, name: 'security' },
    app_permissions: '2248473465835073',
    locale: 'en-US',
    entitlements: [],
    attachment_size_limit: 10_485_760,
    context: spec.dm ? 1 : 0,
    authorizing_integration_owners: { '0': spec.guildId ?? '500000000000000001' },
    ...(spec.dm
      ? { user }
      : {
          guild_id: spec.guildId ?? '500000000000000001',
          member: {
            user,
            nick: null,
            roles: [],
            joined_at: '2024-01-01T00:00:00.000Z',
            deaf: false,
            mute: false,
            flags: 0,
            permissions: spec.permissions ?? PLAIN_MEMBER,
          },
        }),
  };
}

export const pingInteraction = () => ({
  id: String(nextId++),
  application_id: '100000000000000001',
  type: 1,
  token: 'ping-token',
  version: 1,
});

export interface ComponentSpec {
  customId: string;
  /** The message the button is on, as Discord sends it back (id, embeds, components). */
  message: { id: string; channel_id?: string; embeds?: unknown[]; components?: unknown[] };
  channelId?: string;
  guildId?: string;
  userId?: string;
  permissions?: string;
  /** Pressed in a DM: `user` instead of `member`, no guild. */
  dm?: boolean;
}

/** A button press (interaction type 3, a MESSAGE_COMPONENT) as Discord sends it. */
export function componentInteraction(spec: ComponentSpec): Record<string, unknown> {
  const base = commandInteraction({
    command: 'unused',
    channelId: spec.channelId,
    guildId: spec.guildId,
    userId: spec.userId,
    permissions: spec.permissions,
    dm: spec.dm,
  });
  return {
    ...base,
    type: 3,
    data: { custom_id: spec.customId, component_type: 2 },
    message: { type: 0, channel_id: spec.channelId ?? '123456789012345678', content: '', ...spec.message },
  };
}
