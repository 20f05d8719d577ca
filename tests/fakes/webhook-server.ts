import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedPost {
  path: string;
  /** The status the fake answered: only 2xx posts count as delivered. */
  status: number;
  query: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  at: number;
}

export interface ScriptedAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
  /** Hold the answer this long (a webhook that does not answer in time). */
  delayMs?: number;
  /** Only for requests to this path (channels post concurrently, so order across paths is not fixed). */
  path?: string;
}

/**
 * A real HTTP server on 127.0.0.1 that stands in for Slack and Discord webhooks: it records
 * every POST and answers from a script (default 200), so tests see exactly what was sent.
 * A 429 always carries Retry-After, as the real platforms do.
 */
export interface WebhookServer {
  url(path?: string): string;
  posts: RecordedPost[];
  /** Answers for the next requests, in order; after them, `fallback`. */
  script(...answers: ScriptedAnswer[]): void;
  fallback: ScriptedAnswer;
  /** A standing answer for one path until cleared with `undefined` (a platform that is down). */
  answerFor(path: string, answer: ScriptedAnswer | undefined): void;
  /**
   * Makes `path` a Discord forum channel's webhook, as Discord answers one: a post needs
   * `thread_name` (opens a post: a new thread id) or `?thread_id=` (writes into an open one),
   * else 400 code 220001; an unknown thread is 404 code 10003; with `requireTag`, opening a
   * post is 400 code 40067. Answers carry the message's `channel_id` (its thread).
   */
  forum(path: string, options?: { requireTag?: boolean }): { threads: Set<string> };
  /** Posts the fake accepted (2xx) on a path: what a channel really received. */
  delivered(path?: string): RecordedPost[];
  close(): Promise<void>;
}

export async function startWebhookServer(): Promise<WebhookServer> {
  const queue: ScriptedAnswer[] = [];
  const standing = new Map<string, ScriptedAnswer>();
  const posts: RecordedPost[] = [];
  const forums = new Map<string, { threads: Set<string>; requireTag: boolean }>();
  let nextId = 1;
  /** Discord's answer for a post to a forum's webhook, or undefined when another path. */
  const forumAnswer = (path: string, query: string, body: unknown): ScriptedAnswer | undefined => {
    const forum = forums.get(path);
    if (!forum) return undefined;
    const threadId = new URLSearchParams(query).get('thread_id');
    const name = (body as { thread_name?: unknown } | undefined)?.thread_name;
    if (threadId && name) return { status: 400, body: { code: 220002, message: 'Cannot have both' } };
    if (threadId) {
      if (!forum.threads.has(threadId)) return { status: 404, body: { code: 10003, message: 'Unknown Channel' } };
      return { status: 200, body: { id: String(nextId++), channel_id: threadId } };
    }
    if (typeof name !== 'string')
      return {
        status: 400,
        body: { code: 220001, message: 'Webhooks posted to forum channels must have a thread_name or thread_id' },
      };
    if (forum.requireTag)
      return {
        status: 400,
        body: { code: 40067, message: 'A tag is required to create a forum post in this channel' },
      };
    const thread = `thread-${nextId++}`;
    forum.threads.add(thread);
    return { status: 200, body: { id: thread, channel_id: thread } };
  };
  const state: WebhookServer = {
    url: (path = '/hook') => `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`,
    posts,
    script: (...answers) => queue.push(...answers),
    answerFor: (path, answer) => (answer ? standing.set(path, answer) : standing.delete(path)),
    forum: (path, options) => {
      const forum = { threads: new Set<string>(), requireTag: options?.requireTag ?? false };
      forums.set(path, forum);
      return { threads: forum.threads };
    },
    fallback: { status: 200 },
    delivered: (path) => posts.filter((post) => post.status < 300 && (path === undefined || post.path === path)),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const [path = '/', query = ''] = (req.url ?? '/').split('?');
      let received: unknown;
      try {
        received = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      } catch {
        received = Buffer.concat(chunks).toString('utf8');
      }
      const index = queue.findIndex((scripted) => scripted.path === undefined || scripted.path === path);
      const answer =
        index >= 0
          ? (queue.splice(index, 1)[0] as ScriptedAnswer)
          : (standing.get(path) ?? forumAnswer(path, query, received) ?? state.fallback);
      const finish = () => {
        posts.push({ path, status: answer.status, query, headers: req.headers, body: received, at: Date.now() });
        const headers: Record<string, string> = { 'content-type': 'application/json', ...answer.headers };
        if (answer.status === 429 && !Object.keys(headers).some((h) => h.toLowerCase() === 'retry-after'))
          headers['retry-after'] = '1';
        res.writeHead(answer.status, headers);
        const body = answer.body ?? (answer.status < 300 ? { id: String(nextId++) } : { message: 'error' });
        res.end(typeof body === 'string' ? body : JSON.stringify(body));
      };
      if (answer.delayMs) setTimeout(finish, answer.delayMs);
      else finish();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return state;
}
