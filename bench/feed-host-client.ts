import { fork, type ChildProcess } from 'node:child_process';
import type { HostCommand, HostStats } from './feed-host.js';
import { siblingScript } from './measure.js';

type WithoutId<C> = C extends unknown ? Omit<C, 'id'> : never;
type Command = WithoutId<HostCommand>;

export interface FeedHost {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Serves version `version` of feeds 0..feeds-1 (new ETags) and resets the request counts. */
  publish(feeds: number, version: number): Promise<{ bytes: number; averageBytes: number }>;
  stats(): Promise<HostStats>;
  close(): Promise<void>;
}

/** Starts bench/feed-host in its own process and talks to it over IPC. */
export async function startFeedHost(): Promise<FeedHost> {
  const host = siblingScript(import.meta.url, 'feed-host');
  const child: ChildProcess = fork(host.file, [], {
    execArgv: host.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const waiting = new Map<number, (value: unknown) => void>();
  let nextId = 1;
  child.on('message', (message: { id: number; value: unknown }) => {
    waiting.get(message.id)?.(message.value);
    waiting.delete(message.id);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const call = <T>(command: Command): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (!child.connected) return reject(new Error('the feed host is not running'));
      const id = nextId++;
      waiting.set(id, (value) => resolve(value as T));
      child.send({ ...command, id });
    });
  const ready = new Promise<{ origin: string }>((resolve, reject) => {
    waiting.set(0, (value) => resolve(value as { origin: string }));
    void exited.then(() => reject(new Error('the feed host exited before it was ready')));
  });
  const { origin } = await ready;
  return {
    origin,
    publish: (feeds, version) => call({ cmd: 'publish', feeds, version }),
    stats: () => call<HostStats>({ cmd: 'stats' }),
    async close() {
      if (child.connected) await call({ cmd: 'close' }).catch(() => undefined);
      // A host that does not stop within a second is killed: the bench must not leave it behind.
      const timer = setTimeout(() => child.kill('SIGKILL'), 1_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
