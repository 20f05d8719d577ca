import { lookup as dnsLookup } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFeedFetcher, type FeedFetcher, type FetchOutcome } from '../../../src/shared/http/feed-fetcher.js';
import { startFeedServer, type FeedServer } from '../../fakes/feed-server.js';

let server: FeedServer;
const fetchers: FeedFetcher[] = [];

function fetcher(options: Parameters<typeof createFeedFetcher>[0]): FeedFetcher {
  const f = createFeedFetcher(options);
  fetchers.push(f);
  return f;
}

function failureOf(outcome: FetchOutcome) {
  if (outcome.ok) throw new Error(`expected a failure, got HTTP ${outcome.status}`);
  return outcome.failure;
}

/** A resolver that answers from a table and counts questions, like a hostile DNS server. */
function fakeDns(table: Record<string, string | (() => string)>) {
  const asked: string[] = [];
  const lookup: LookupFunction = (hostname, options, callback) => {
    asked.push(hostname);
    const entry = table[hostname];
    if (entry === undefined) {
      dnsLookup(hostname, options, callback);
      return;
    }
    const address = typeof entry === 'function' ? entry() : entry;
    const family = address.includes(':') ? 6 : 4;
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  return { lookup, asked };
}

beforeAll(async () => {
  server = await startFeedServer();
});
afterEach(async () => {
  server.reset();
  await Promise.all(fetchers.splice(0).map((f) => f.close()));
});
afterAll(async () => {
  await server.close();
});

describe('private networks allowed (feeds from the config file)', () => {
  it('fetches from 127.0.0.1 by default', async () => {
    server.route('/ok', { body: 'fine' });
    const out = await fetcher({}).fetch(server.url('/ok'));
    expect(out.ok).toBe(true);
  });
});

describe('private networks not allowed (feeds added from chat)', () => {
  it('blocks a loopback IP at the first hop without sending a request', async () => {
    server.route('/x', { body: 'secret' });
    const failure = failureOf(await fetcher({ allowPrivateNetworks: false }).fetch(server.url('/x')));
    expect(failure.kind).toBe('blocked');
    expect(failure.message).toContain('loopback');
    expect(failure.message).toContain('private networks are not allowed');
    expect(server.requests).toHaveLength(0);
  });

  it('blocks localhost, a name that resolves to a loopback address', async () => {
    server.route('/x', { body: 'secret' });
    const failure = failureOf(
      await fetcher({ allowPrivateNetworks: false }).fetch(`http://localhost:${server.port}/x`),
    );
    expect(failure.kind).toBe('blocked');
    expect(failure.message).toContain('localhost');
    expect(server.requests).toHaveLength(0);
  });

  it('blocks IPv6 loopback and IPv4-mapped loopback literals', async () => {
    const f = fetcher({ allowPrivateNetworks: false });
    expect(failureOf(await f.fetch(`http://[::1]:${server.port}/`)).kind).toBe('blocked');
    const mapped = failureOf(await f.fetch(`http://[::ffff:127.0.0.1]:${server.port}/`));
    expect(mapped).toMatchObject({ kind: 'blocked', message: expect.stringContaining('IPv6 form') as string });
    expect(server.requests).toHaveLength(0);
  });

  it('blocks a later redirect hop to the cloud metadata address', async () => {
    server.route('/start', { redirectTo: 'http://169.254.169.254/latest/meta-data/' });
    const f = fetcher({ allowPrivateNetworks: false, exemptAddresses: ['127.0.0.1'] });
    const failure = failureOf(await f.fetch(server.url('/start')));
    expect(failure).toMatchObject({ kind: 'blocked', message: expect.stringContaining('169.254.169.254') as string });
    expect(server.requestsTo('/start')).toHaveLength(1);
  });

  it('blocks a later hop whose name resolves to a private address, checked at connect time', async () => {
    const dns = fakeDns({ 'feeds.example.test': '127.0.0.1', 'internal.example.test': '10.1.2.3' });
    server.route('/public', { redirectTo: `http://internal.example.test:${server.port}/admin` });
    const f = fetcher({ allowPrivateNetworks: false, exemptAddresses: ['127.0.0.1'], lookup: dns.lookup });
    const failure = failureOf(await f.fetch(`http://feeds.example.test:${server.port}/public`));
    expect(failure.kind).toBe('blocked');
    expect(failure.message).toContain('internal.example.test (10.1.2.3)');
    expect(failure.message).toContain('10.0.0.0/8');
    expect(dns.asked).toEqual(['feeds.example.test', 'internal.example.test']);
  });

  it('checks the address the socket uses, so a name that rebinds is caught on its next connection', async () => {
    let answers = 0;
    const dns = fakeDns({ 'rebind.example.test': () => (answers++ === 0 ? '127.0.0.1' : '192.168.1.20') });
    server.route('/feed', { body: 'ok', headers: { connection: 'close' } });
    const f = fetcher({ allowPrivateNetworks: false, exemptAddresses: ['127.0.0.1'], lookup: dns.lookup });
    expect((await f.fetch(`http://rebind.example.test:${server.port}/feed`)).ok).toBe(true);
    const failure = failureOf(await f.fetch(`http://rebind.example.test:${server.port}/feed`));
    expect(failure).toMatchObject({ kind: 'blocked', message: expect.stringContaining('192.168.1.20') as string });
    expect(server.requestsTo('/feed')).toHaveLength(1);
  });

  it('lets public answers through', async () => {
    const dns = fakeDns({ 'mirror.example.test': '127.0.0.1' });
    server.route('/m', { body: 'mirror' });
    const f = fetcher({ allowPrivateNetworks: false, exemptAddresses: ['127.0.0.1'], lookup: dns.lookup });
    const out = await f.fetch(`http://mirror.example.test:${server.port}/m`);
    expect(out.ok && !out.notModified && out.body.toString()).toBe('mirror');
  });
});
