/**
 * A real HTTP server on 127.0.0.1 (port 0) that plays Discord's REST API (and, when asked, its
 * gateway) for tests of the real @discordjs/rest and discord.js clients.
 *
 *   const api = await startFakeDiscordApi({ token: 'bot-token' });
 *   new REST({ api: api.apiUrl })             // http://127.0.0.1:PORT/api
 *   api.script({ method: 'POST', path: /\/messages$/, status: 403, code: 50001 });
 *   api.messages('123456789012345678')       // what a channel really received
 *   await api.waitFor(() => api.calls('PATCH').length > 0);
 *
 * Channels are text channels (type 0) unless set with `api.channel(id, {type: 15})`: forum (15)
 * and media (16) channels refuse messages (40058) and open posts with POST /channels/:id/threads
 * (recorded by `api.threads()`; the post becomes a thread channel whose first message has its
 * id); a tag is required when the forum's flags say so (40067). Threads (10-12) take messages;
 * an archived one refuses them (50083) until PATCH /channels/:id {archived: false}, which a
 * locked one refuses (50013); `api.deleteChannel(id)` makes a channel Unknown (10003).
 *
 * Routes (under /api/v10): GET and PATCH /channels/:id; POST /channels/:id/messages and
 * /channels/:id/threads; PUT /applications/:app/commands and
 * /applications/:app/guilds/:guild/commands; POST /interactions/:id/:token/callback; POST
 * /webhooks/:app/:token; PATCH and DELETE /webhooks/:app/:token/messages/@original; GET
 * /gateway/bot. Bot routes need `Authorization: Bot <token>`; interaction routes need none.
 * A scripted 429 always carries Retry-After (and `retry_after` in the body), as Discord does:
 * without it the client retries in a hot loop.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { fakeGateway, type FakeGateway } from './discord-gateway.js';

export type { FakeGateway };

export interface DiscordCall {
  method: string;
  /** The path after /api/v10, e.g. `/channels/123/messages`. */
  route: string;
  headers: IncomingHttpHeaders;
  body: unknown;
  /** What the fake answered. */
  status: number;
  at: number;
}

export interface ScriptedFailure {
  method?: string;
  /** Matched against the route (the path after /api/v10). */
  path?: RegExp;
  status: number;
  /** Discord's JSON error code (50001 Missing Access, 10003 Unknown Channel, 50013 Missing Permissions). */
  code?: number;
  message?: string;
  /** Seconds, sent as Retry-After with a 429 (default 1). */
  retryAfter?: number;
  /** Send X-RateLimit-Global with a 429. */
  global?: boolean;
  /** Hold the answer this long. */
  delayMs?: number;
}

export interface FakeChannel {
  type: number;
  /** Channel flags; 16 (REQUIRE_TAG) makes a forum refuse posts without a tag. */
  flags?: number;
  available_tags?: Array<{ id: string; name: string; moderated: boolean }>;
  /** Threads: archived refuses messages; locked refuses reopening. */
  archived?: boolean;
  locked?: boolean;
  parentId?: string;
}

export interface FakeThreadCreation {
  id: string;
  forumId: string;
  name: string;
  appliedTags?: string[];
  message: Record<string, unknown>;
}

export interface FakeDiscordApi {
  /** `http://127.0.0.1:PORT/api`, for DISCORD_API_URL and `new REST({ api })`. */
  readonly apiUrl: string;
  readonly calls: (method?: string, path?: RegExp) => DiscordCall[];
  /** Messages created in a channel (accepted POSTs only). */
  messages(channelId?: string): Array<{ id: string; channelId: string; body: Record<string, unknown> }>;
  /** Sets a channel's type and state (unknown channels are text channels). */
  channel(id: string, spec: FakeChannel): void;
  /** A channel's current state, with the threads the fake created. */
  channelState(id: string): FakeChannel | undefined;
  deleteChannel(id: string): void;
  /** Forum posts opened (accepted POST /channels/:id/threads only). */
  threads(forumId?: string): FakeThreadCreation[];
  /** Answers for the next matching requests, in order, each used once. */
  script(...failures: ScriptedFailure[]): void;
  /** Waits until `check` is true (polling), or fails after `timeoutMs`. */
  waitFor(check: () => boolean, timeoutMs?: number): Promise<void>;
  readonly gateway: FakeGateway;
  reset(): void;
  close(): Promise<void>;
}

const PREFIX = '/api/v10';
let nextSnowflake = 1_100_000_000_000_000_000n;
const snowflake = () => String(nextSnowflake++);

export async function startFakeDiscordApi(options: { token: string; applicationId?: string }): Promise<FakeDiscordApi> {
  const calls: DiscordCall[] = [];
  const scripted: ScriptedFailure[] = [];
  const created: Array<{ id: string; channelId: string; body: Record<string, unknown> }> = [];
  const channels = new Map<string, FakeChannel>();
  const deleted = new Set<string>();
  const threads: FakeThreadCreation[] = [];
  const FORUMS = new Set([15, 16]);
  const sockets = new Set<Socket>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : undefined;
      } catch {
        // kept as text
      }
      answer(req, res, body);
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  function send(
    res: ServerResponse,
    call: DiscordCall,
    status: number,
    payload?: unknown,
    headers: Record<string, string> = {},
  ): void {
    call.status = status;
    calls.push(call);
    if (payload === undefined) {
      res.writeHead(status, headers).end();
      return;
    }
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(payload));
  }

  function answer(req: IncomingMessage, res: ServerResponse, body: unknown): void {
    const method = req.method ?? 'GET';
    // The client percent-encodes `@original`; Discord decodes paths, so the fake does too.
    const path = safeDecode((req.url ?? '/').split('?')[0] ?? '/');
    const route = path.startsWith(PREFIX) ? path.slice(PREFIX.length) : path;
    const call: DiscordCall = { method, route, headers: req.headers, body, status: 0, at: Date.now() };
    if (!path.startsWith(PREFIX)) return send(res, call, 404, { message: '404: Not Found', code: 0 });

    const index = scripted.findIndex((s) => (!s.method || s.method === method) && (!s.path || s.path.test(route)));
    if (index >= 0) {
      const failure = scripted.splice(index, 1)[0] as ScriptedFailure;
      const reply = () => {
        const headers: Record<string, string> = {};
        const payload: Record<string, unknown> = {
          message: failure.message ?? defaultMessage(failure),
          code: failure.code ?? 0,
        };
        if (failure.status === 429) {
          const seconds = failure.retryAfter ?? 1;
          headers['retry-after'] = String(seconds);
          if (failure.global) headers['x-ratelimit-global'] = 'true';
          Object.assign(payload, { retry_after: seconds, global: Boolean(failure.global) });
        }
        send(res, call, failure.status, payload, headers);
      };
      if (failure.delayMs) setTimeout(reply, failure.delayMs);
      else reply();
      return;
    }

    const interactionRoute = /^\/(interactions|webhooks)\//.test(route);
    if (!interactionRoute && req.headers.authorization !== `Bot ${options.token}`)
      return send(res, call, 401, { message: '401: Unauthorized', code: 0 });

    let m: RegExpExecArray | null;
    const error = (status: number, code: number, message: string) => send(res, call, status, { message, code });
    if ((m = /^\/channels\/(\d+)(\/|$)/.exec(route)) && deleted.has(m[1] as string))
      return error(404, 10003, 'Unknown Channel');
    if (method === 'GET' && (m = /^\/channels\/(\d+)$/.exec(route))) {
      const id = m[1] as string;
      const channel = channels.get(id) ?? { type: 0 };
      return send(res, call, 200, {
        id,
        type: channel.type,
        guild_id: '500000000000000001',
        flags: channel.flags ?? 0,
        ...(FORUMS.has(channel.type) ? { available_tags: channel.available_tags ?? [] } : {}),
        ...(channel.parentId ? { parent_id: channel.parentId } : {}),
        ...(channel.type >= 10 && channel.type <= 12
          ? { thread_metadata: { archived: Boolean(channel.archived), locked: Boolean(channel.locked) } }
          : {}),
      });
    }
    if (method === 'PATCH' && (m = /^\/channels\/(\d+)$/.exec(route))) {
      const channel = channels.get(m[1] as string);
      const patch = body as { archived?: boolean };
      if (!channel) return error(400, 50035, 'Invalid Form Body');
      if (patch.archived === false && channel.locked) return error(403, 50013, 'Missing Permissions');
      if (patch.archived !== undefined) channel.archived = patch.archived;
      return send(res, call, 200, { id: m[1], type: channel.type });
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/threads$/.exec(route))) {
      const forumId = m[1] as string;
      const forum = channels.get(forumId) ?? { type: 0 };
      const post = body as { name?: string; message?: Record<string, unknown>; applied_tags?: string[] };
      if (!FORUMS.has(forum.type) || !post.message) return error(400, 50035, 'Invalid Form Body');
      if (!post.name || [...post.name].length > 100) return error(400, 50035, 'Invalid Form Body (name)');
      if ((forum.flags ?? 0) & 16 && !post.applied_tags?.length)
        return error(400, 40067, 'A tag is required to create a forum post in this channel');
      const id = snowflake();
      channels.set(id, { type: 11, parentId: forumId });
      threads.push({ id, forumId, name: post.name, appliedTags: post.applied_tags, message: post.message });
      created.push({ id, channelId: id, body: post.message });
      return send(res, call, 201, {
        id,
        type: 11,
        parent_id: forumId,
        name: post.name,
        applied_tags: post.applied_tags ?? [],
        message: { id, channel_id: id, ...post.message },
      });
    }
    if (method === 'POST' && (m = /^\/channels\/(\d+)\/messages$/.exec(route))) {
      const channelId = m[1] as string;
      const target = channels.get(channelId);
      if (target && FORUMS.has(target.type)) return error(400, 40058, 'Cannot send a message in a forum channel');
      if (target?.archived) return error(400, 50083, 'Thread is archived');
      const message = { id: snowflake(), channel_id: channelId, ...(body as object) };
      created.push({ id: message.id, channelId, body: body as Record<string, unknown> });
      return send(res, call, 200, message);
    }
    if (method === 'PUT' && /^\/applications\/\d+(\/guilds\/\d+)?\/commands$/.test(route)) {
      const list = Array.isArray(body) ? body : [];
      return send(
        res,
        call,
        200,
        list.map((command: object) => ({
          id: snowflake(),
          application_id: options.applicationId,
          version: snowflake(),
          ...command,
        })),
      );
    }
    if (method === 'POST' && /^\/interactions\/\d+\/[^/]+\/callback$/.test(route)) return send(res, call, 204);
    if (method === 'PATCH' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(route))
      return send(res, call, 200, { id: snowflake(), ...(body as object) });
    if (method === 'DELETE' && /^\/webhooks\/\d+\/[^/]+\/messages\/@original$/.test(route)) return send(res, call, 204);
    if (method === 'POST' && /^\/webhooks\/\d+\/[^/]+$/.test(route))
      return send(res, call, 200, { id: snowflake(), ...(body as object) });
    if (method === 'GET' && route === '/gateway/bot') {
      return send(res, call, 200, {
        url: `ws://127.0.0.1:${port}/gateway`,
        shards: 1,
        session_start_limit: { total: 1000, remaining: 999, reset_after: 0, max_concurrency: 1 },
      });
    }
    send(res, call, 404, { message: '404: Not Found', code: 0 });
  }

  const gateway = fakeGateway(options);
  server.on('upgrade', (req, socket, head) => {
    if ((req.url ?? '').startsWith('/gateway'))
      gateway.server.handleUpgrade(req, socket, head, (ws) => gateway.server.emit('connection', ws, req));
    else socket.destroy();
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    calls: (method, path) => calls.filter((c) => (!method || c.method === method) && (!path || path.test(c.route))),
    messages: (channelId) => created.filter((m) => channelId === undefined || m.channelId === channelId),
    channel: (id, spec) => void channels.set(id, { ...spec }),
    channelState: (id) => channels.get(id),
    deleteChannel: (id) => void deleted.add(id),
    threads: (forumId) => threads.filter((t) => forumId === undefined || t.forumId === forumId),
    script: (...failures) => scripted.push(...failures),
    async waitFor(check, timeoutMs = 10_000) {
      const until = Date.now() + timeoutMs;
      while (!check()) {
        if (Date.now() > until) throw new Error(`fake Discord API: condition not met within ${timeoutMs} ms`);
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    },
    gateway: gateway.api,
    reset() {
      calls.length = 0;
      created.length = 0;
      threads.length = 0;
      channels.clear();
      deleted.clear();
      scripted.length = 0;
    },
    close: async () => {
      await gateway.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function safeDecode(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

function defaultMessage(failure: ScriptedFailure): string {
  const known: Record<number, string> = {
    10003: 'Unknown Channel',
    50001: 'Missing Access',
    50013: 'Missing Permissions',
  };
  if (failure.code !== undefined && known[failure.code]) return known[failure.code] as string;
  if (failure.status === 429) return 'You are being rate limited.';
  return `${failure.status}: error`;
}
