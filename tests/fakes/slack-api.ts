/**
 * A real HTTP server on 127.0.0.1 (port 0) that plays the Slack Web API for tests, so the real
 * WebClient and Bolt talk to it through SLACK_API_URL / `slackApiUrl`.
 *
 *   const slack = await startFakeSlackApi({ botToken: 'xoxb-test' });
 *   slack.user('UADMIN', { is_admin: true });
 *   slack.channel('CPRIV', { member: false, isPrivate: true });
 *   slack.script('chat.postMessage', { error: 'channel_not_found' }, { status: 429, retryAfter: 7 });
 *   ... slack.url is `http://127.0.0.1:PORT/api/`
 *   slack.posts('C0SEC')        // messages chat.postMessage accepted, with blocks parsed
 *   slack.responses             // what was posted to response_url (slack.responseUrl())
 *
 * Methods: auth.test, users.info, chat.postMessage, chat.update (of a message it accepted), conversations.join, views.publish (a Home
 * tab: `type: home`, at most 100 blocks within Slack's text limits; `slack.homeViews(user)`) and
 * apps.connections.open (answering with `socketUrl` for Socket Mode). Every call is recorded
 * with its form or JSON body and the token it carried. A wrong token gets `invalid_auth`, a
 * channel the bot is not in `not_in_channel` until conversations.join (public channels only),
 * and a 429 always carries Retry-After, as Slack does.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { homeViewProblem, type HomeViewBody, withinBlockLimits } from './slack-block-limits.js';

/** A Block Kit text object. */
export interface SlackText {
  type: string;
  text: string;
  emoji?: boolean;
}

/** A Block Kit block as the tests read it: a header's or section's `text`, a context's `elements`. */
export interface SlackBlock {
  type: string;
  text?: SlackText;
  elements?: SlackText[];
  [field: string]: unknown;
}

/**
 * A body sent to the fake: an API call's fields or what was posted to a response_url. Any field
 * can be there; the ones the tests read are typed as Slack sends them.
 */
export interface SlackBody {
  channel?: string;
  text?: string;
  blocks?: SlackBlock[];
  thread_ts?: string;
  reply_broadcast?: boolean;
  unfurl_links?: boolean;
  unfurl_media?: boolean;
  response_type?: string;
  user?: string;
  token?: string;
  [field: string]: unknown;
}

/** The blocks of a body; throws, failing the test, when it has none. */
export function blocksOf(body: SlackBody | undefined): SlackBlock[] {
  if (!body?.blocks) throw new Error(`fake Slack: no blocks in ${JSON.stringify(body)}`);
  return body.blocks;
}

/** The text of a body's block `index` (a header or section); throws when there is no such block or text. */
export function blockText(body: SlackBody | undefined, index: number): string {
  const text = blocksOf(body)[index]?.text;
  if (!text) throw new Error(`fake Slack: block ${index} has no text in ${JSON.stringify(body)}`);
  return text.text;
}

export interface RecordedCall {
  method: string;
  /** Form fields (JSON-valued ones like `blocks` parsed, `true`/`false` as booleans) or the JSON body. */
  body: SlackBody;
  /** The bearer token the call carried. */
  token?: string;
  /** The answer the fake gave: `ok` or the error code, or `HTTP 503`. */
  outcome: string;
  at: number;
}

export interface RecordedResponse {
  /** The id in the response_url path. */
  id: string;
  body: SlackBody;
  at: number;
}

/** A scripted answer for the next call of a method. */
export type FakeAnswer =
  | { error: string; status?: number }
  | { status: 429; retryAfter: number }
  | { status: number; body?: string }
  | { delayMs: number };

export interface FakeUser {
  name?: string;
  is_admin?: boolean;
  is_owner?: boolean;
  deleted?: boolean;
}

export interface FakeChannel {
  /** Whether the bot is in it (default true). */
  member?: boolean;
  isPrivate?: boolean;
  archived?: boolean;
}

export interface FakeSlackApi {
  /** `http://127.0.0.1:PORT/api/`: SLACK_API_URL. */
  readonly url: string;
  readonly origin: string;
  readonly calls: RecordedCall[];
  callsTo(method: string): RecordedCall[];
  /** Bodies of the messages chat.postMessage accepted, optionally only in one channel. */
  posts(channel?: string): SlackBody[];
  /** Home tab views views.publish accepted, oldest first, optionally only for one user. */
  homeViews(user?: string): HomeViewBody[];
  /** Bodies of the chat.update calls it accepted, optionally only in one channel. */
  updates(channel?: string): SlackBody[];
  /** The `ts` chat.postMessage gave each accepted post, in order (the n-th post has the n-th ts). */
  postedTs(channel?: string): string[];
  readonly responses: RecordedResponse[];
  /** A response_url on this server; what is posted to it lands in `responses`. */
  responseUrl(id?: string): string;
  user(id: string, user: FakeUser): void;
  channel(id: string, channel: FakeChannel): void;
  script(method: string, ...answers: FakeAnswer[]): void;
  /** What apps.connections.open answers (a local ws:// URL). */
  socketUrl?: string;
  /** Resolves when `predicate` holds, checking on every recorded request; rejects after `timeoutMs`. */
  waitFor<T>(predicate: () => T | undefined | false, timeoutMs?: number): Promise<T>;
  close(): Promise<void>;
}

const BOOLEAN_FIELDS = new Set(['unfurl_links', 'unfurl_media', 'reply_broadcast', 'mrkdwn', 'as_user']);
const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata', 'view']);

function decodeForm(text: string): SlackBody {
  const body: SlackBody = {};
  for (const [key, value] of new URLSearchParams(text)) {
    if (JSON_FIELDS.has(key)) body[key] = JSON.parse(value) as unknown;
    else if (BOOLEAN_FIELDS.has(key) && (value === 'true' || value === 'false')) body[key] = value === 'true';
    else body[key] = value;
  }
  return body;
}

async function readAll(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function startFakeSlackApi(options: { botToken?: string; appToken?: string } = {}): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const scripts = new Map<string, FakeAnswer[]>();
  const users = new Map<string, FakeUser>();
  const channels = new Map<string, FakeChannel>();
  const waiters = new Set<() => void>();
  let ts = 1_700_000_000;
  const posted: Array<{ channel: string; ts: string }> = [];
  const notify = () => {
    for (const waiter of [...waiters]) waiter();
  };

  const reply = (
    res: ServerResponse,
    body: Record<string, unknown>,
    status = 200,
    headers: Record<string, string> = {},
  ) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
  };

  function answer(
    method: string,
    body: SlackBody,
    token: string | undefined,
  ): { outcome: string; send: (res: ServerResponse) => void } {
    const ok = (extra: Record<string, unknown>) => ({
      outcome: 'ok',
      send: (res: ServerResponse) => reply(res, { ok: true, ...extra }),
    });
    const fail = (error: string) => ({
      outcome: error,
      send: (res: ServerResponse) => reply(res, { ok: false, error }),
    });
    const wanted = method === 'apps.connections.open' ? options.appToken : options.botToken;
    if (wanted !== undefined && token !== wanted) return fail(token ? 'invalid_auth' : 'not_authed');
    const channelId = String(body.channel ?? '');
    const channel = channels.get(channelId) ?? {};
    switch (method) {
      case 'auth.test':
        return ok({
          url: 'https://banwatch-test.slack.com/',
          team: 'Banwatch Test',
          user: 'banwatch',
          team_id: 'T0TEST',
          user_id: 'UBOT',
          bot_id: 'BBOT',
        });
      case 'users.info': {
        const user = users.get(String(body.user));
        if (!user) return fail('user_not_found');
        return ok({
          user: {
            id: body.user,
            name: user.name ?? String(body.user).toLowerCase(),
            deleted: Boolean(user.deleted),
            is_admin: Boolean(user.is_admin),
            is_owner: Boolean(user.is_owner),
            is_primary_owner: false,
          },
        });
      }
      case 'conversations.join':
        if (channel.isPrivate) return fail('method_not_supported_for_channel_type');
        if (channel.archived) return fail('is_archived');
        channels.set(channelId, { ...channel, member: true });
        return ok({ channel: { id: channelId, is_member: true } });
      case 'chat.postMessage': {
        if (channel.archived) return fail('is_archived');
        if (channel.member === false) return fail('not_in_channel');
        if (!body.text && !body.blocks) return fail('no_text');
        if (body.blocks && !withinBlockLimits(body.blocks)) return fail('invalid_blocks');
        ts += 1;
        posted.push({ channel: channelId, ts: `${ts}.000100` });
        return ok({ channel: channelId, ts: `${ts}.000100`, message: { text: body.text, ts: `${ts}.000100` } });
      }
      case 'views.publish': {
        const problem = homeViewProblem(body.view, typeof body.user_id === 'string' && users.has(body.user_id));
        return problem ? fail(problem) : ok({ view: { id: `V${++ts}`, ...(body.view as object) } });
      }
      case 'chat.update': {
        if (!posted.some((m) => m.channel === channelId && m.ts === body.ts)) return fail('message_not_found');
        if (body.blocks && !withinBlockLimits(body.blocks)) return fail('invalid_blocks');
        return ok({ channel: channelId, ts: body.ts, text: body.text });
      }
      case 'apps.connections.open':
        return api.socketUrl ? ok({ url: api.socketUrl }) : fail('internal_error');
      default:
        return fail('unknown_method');
    }
  }

  const server = createServer((req, res) => {
    void (async () => {
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const text = await readAll(req);
      if (path.startsWith('/respond/')) {
        responses.push({
          id: path.slice('/respond/'.length),
          body: JSON.parse(text || '{}') as SlackBody,
          at: Date.now(),
        });
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        notify();
        return;
      }
      if (!path.startsWith('/api/')) {
        res.writeHead(404).end();
        return;
      }
      const method = path.slice('/api/'.length);
      const isJson = (req.headers['content-type'] ?? '').startsWith('application/json');
      const body = isJson ? (JSON.parse(text || '{}') as SlackBody) : decodeForm(text);
      const auth = req.headers.authorization;
      const token = auth?.startsWith('Bearer ')
        ? auth.slice(7)
        : typeof body.token === 'string'
          ? body.token
          : undefined;
      const call: RecordedCall = { method, body, token, outcome: '', at: Date.now() };
      calls.push(call);
      let scripted = scripts.get(method)?.shift();
      while (scripted && 'delayMs' in scripted) {
        await new Promise((resolve) => setTimeout(resolve, (scripted as { delayMs: number }).delayMs));
        scripted = scripts.get(method)?.shift();
      }
      if (scripted && 'retryAfter' in scripted) {
        call.outcome = 'ratelimited';
        reply(res, { ok: false, error: 'ratelimited' }, 429, { 'retry-after': String(scripted.retryAfter) });
      } else if (scripted && 'error' in scripted) {
        call.outcome = scripted.error;
        reply(res, { ok: false, error: scripted.error }, scripted.status ?? 200);
      } else if (scripted) {
        call.outcome = `HTTP ${scripted.status}`;
        const headers: Record<string, string> = scripted.status === 429 ? { 'retry-after': '1' } : {};
        res
          .writeHead(scripted.status, { 'content-type': 'text/plain', ...headers })
          .end(scripted.body ?? 'upstream trouble');
      } else {
        const result = answer(method, body, token);
        call.outcome = result.outcome;
        result.send(res);
      }
      notify();
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500).end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let responseIds = 0;

  const api: FakeSlackApi = {
    url: `${origin}/api/`,
    origin,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    posts: (channel) =>
      calls
        .filter(
          (c) =>
            c.method === 'chat.postMessage' &&
            c.outcome === 'ok' &&
            (channel === undefined || c.body.channel === channel),
        )
        .map((c) => c.body),
    homeViews: (user) =>
      api
        .callsTo('views.publish')
        .flatMap((c) =>
          c.outcome === 'ok' && (!user || c.body.user_id === user) ? [c.body.view as HomeViewBody] : [],
        ),
    updates: (channel) =>
      calls
        .filter(
          (c) =>
            c.method === 'chat.update' && c.outcome === 'ok' && (channel === undefined || c.body.channel === channel),
        )
        .map((c) => c.body),
    postedTs: (channel) => posted.filter((m) => channel === undefined || m.channel === channel).map((m) => m.ts),
    responses,
    responseUrl: (id) => `${origin}/respond/${id ?? `r${++responseIds}`}`,
    user: (id, user) => void users.set(id, user),
    channel: (id, channel) => void channels.set(id, channel),
    script: (method, ...answers) => void scripts.set(method, [...(scripts.get(method) ?? []), ...answers]),
    waitFor<T>(predicate: () => T | undefined | false, timeoutMs = 10_000): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        const check = () => {
          const value = predicate();
          if (value !== undefined && value !== false) {
            cleanup();
            resolve(value);
          }
        };
        const timer = setTimeout(() => {
          cleanup();
          reject(
            new Error(
              `fake Slack: condition not met within ${timeoutMs} ms (calls: ${calls.map((c) => `${c.method}=${c.outcome}`).join(', ') || 'none'})`,
            ),
          );
        }, timeoutMs);
        const cleanup = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return api;
}

export { signedPost, slashCommandForm, type SignedPostResult } from './slack-requests.js';
