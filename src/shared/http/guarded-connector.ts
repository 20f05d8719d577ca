import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { buildConnector } from 'undici';
import { blockedAddressReason, stripZoneAndBrackets } from './address-policy.js';

/** Raised inside the connector; the fetcher turns it into a `blocked` failure. */
export class BlockedAddressError extends Error {
  readonly code = 'BANWATCH_BLOCKED_ADDRESS';
  constructor(host: string, address: string, reason: string) {
    super(
      host === address
        ? `refused to connect to ${address}: ${reason}; private networks are not allowed for this feed`
        : `refused to connect to ${host} (${address}): ${reason}; private networks are not allowed for this feed`,
    );
    this.name = 'BlockedAddressError';
  }
}

export interface AddressGuardOptions {
  /** Addresses allowed even though they are private (tests, a trusted internal mirror). */
  exemptAddresses?: readonly string[];
  /** DNS lookup to use instead of the system resolver (tests, custom resolvers). */
  lookup?: LookupFunction;
  /** undici's connect timeout. */
  connectTimeoutMs?: number;
}

export function createAddressCheck(exempt: readonly string[] = []): (address: string) => string | undefined {
  const exemptSet = new Set(exempt.map(stripZoneAndBrackets));
  return (address) => {
    const bare = stripZoneAndBrackets(address);
    return exemptSet.has(bare) ? undefined : blockedAddressReason(bare);
  };
}

/**
 * Wraps a DNS lookup so that private answers never reach `connect`: the check happens on the
 * address the socket will use, at connect time, so a name that changes its answer between
 * validation and connection (DNS rebinding) is still caught.
 */
export function guardLookup(base: LookupFunction, check: (address: string) => string | undefined): LookupFunction {
  return (hostname, options, callback) => {
    base(hostname, options, (error, address, family) => {
      if (error) {
        callback(error, address, family);
        return;
      }
      if (Array.isArray(address)) {
        const allowed = address.filter((entry) => !check(entry.address));
        const first = address[0];
        if (allowed.length === 0 && first) {
          callback(new BlockedAddressError(hostname, first.address, check(first.address) ?? 'blocked'), [], family);
          return;
        }
        callback(null, allowed, family);
        return;
      }
      const reason = check(address);
      if (reason) {
        callback(new BlockedAddressError(hostname, address, reason), address, family);
        return;
      }
      callback(null, address, family);
    });
  };
}

/**
 * The last line of defence: the address the socket actually reached. Destroys the socket and
 * returns the error when that address is not allowed.
 */
export function refusePrivatePeer(
  socket: { remoteAddress?: string | undefined; destroy(): void },
  host: string,
  check: (address: string) => string | undefined,
): BlockedAddressError | undefined {
  const peer = socket.remoteAddress;
  const reason = peer ? check(peer) : undefined;
  if (!peer || !reason) return undefined;
  socket.destroy();
  return new BlockedAddressError(host, peer, reason);
}

/**
 * An undici connector that refuses private addresses three ways: IP-literal hosts before
 * connecting (net.connect skips the lookup for them), resolved names through the guarded
 * lookup, and the socket's actual peer after connecting as a last line of defence.
 */
export function createGuardedConnector(options: AddressGuardOptions = {}): buildConnector.connector {
  const check = createAddressCheck(options.exemptAddresses);
  const lookup = guardLookup(options.lookup ?? dnsLookup, check);
  const connect = buildConnector({ lookup, timeout: options.connectTimeoutMs ?? null } as buildConnector.BuildOptions);
  return (connectOptions, callback) => {
    const host = stripZoneAndBrackets(connectOptions.hostname);
    if (isIP(host)) {
      const reason = check(host);
      if (reason) {
        callback(new BlockedAddressError(host, host, reason), null);
        return;
      }
    }
    connect(connectOptions, (error, socket) => {
      if (error || !socket) {
        callback(error ?? new Error('connection failed'), null);
        return;
      }
      const refused = refusePrivatePeer(socket, connectOptions.hostname, check);
      if (refused) callback(refused, null);
      else callback(null, socket);
    });
  };
}
