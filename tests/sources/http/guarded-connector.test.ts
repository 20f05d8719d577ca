import type { LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createAddressCheck, guardLookup, refusePrivatePeer } from '../../../src/shared/http/guarded-connector.js';

const check = createAddressCheck(['127.0.0.1']);

function answering(address: string | LookupAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (Array.isArray(address)) callback(null, options.all ? address : (address[0]?.address ?? ''), 4);
    else if (options.all) callback(null, [{ address, family: address.includes(':') ? 6 : 4 }]);
    else callback(null, address, 4);
  };
}

function ask(lookup: LookupFunction, all: boolean): Promise<{ error: Error | null; address: unknown }> {
  return new Promise((resolve) => lookup('host.test', { all }, (error, address) => resolve({ error, address })));
}

describe('guardLookup', () => {
  it('refuses a private single answer and passes a public one', async () => {
    const blocked = await ask(guardLookup(answering('192.168.0.5'), check), false);
    expect(blocked.error?.message).toContain('host.test (192.168.0.5)');
    expect(await ask(guardLookup(answering('93.184.216.34'), check), false)).toEqual({
      error: null,
      address: '93.184.216.34',
    });
    expect(await ask(guardLookup(answering('127.0.0.1'), check), false)).toEqual({ error: null, address: '127.0.0.1' });
  });

  it('keeps only the public answers of a list, and refuses a list of private ones', async () => {
    const mixed = [
      { address: '10.0.0.1', family: 4 },
      { address: '93.184.216.34', family: 4 },
      { address: 'fd00::1', family: 6 },
    ];
    expect(await ask(guardLookup(answering(mixed), check), true)).toEqual({
      error: null,
      address: [{ address: '93.184.216.34', family: 4 }],
    });
    const private_ = [
      { address: '10.0.0.1', family: 4 },
      { address: 'fe80::1', family: 6 },
    ];
    expect((await ask(guardLookup(answering(private_), check), true)).error?.message).toContain('10.0.0.1');
  });

  it('passes resolver errors through', async () => {
    const failing: LookupFunction = (_h, _o, callback) =>
      callback(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }), '', 4);
    expect((await ask(guardLookup(failing, check), false)).error?.message).toBe('nope');
  });
});

describe('refusePrivatePeer', () => {
  it('destroys a socket whose peer is private and explains why', () => {
    let destroyed = false;
    const error = refusePrivatePeer(
      { remoteAddress: '::ffff:10.9.8.7', destroy: () => (destroyed = true) },
      'feeds.test',
      check,
    );
    expect(destroyed).toBe(true);
    expect(error?.message).toContain('feeds.test (::ffff:10.9.8.7)');
  });
  it('leaves a public or exempt peer alone', () => {
    let destroyed = false;
    const socket = (remoteAddress: string) => ({ remoteAddress, destroy: () => (destroyed = true) });
    expect(refusePrivatePeer(socket('93.184.216.34'), 'x', check)).toBeUndefined();
    expect(refusePrivatePeer(socket('127.0.0.1'), 'x', check)).toBeUndefined();
    expect(destroyed).toBe(false);
  });
});
