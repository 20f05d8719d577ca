import { createPublicKey, type KeyObject, verify } from 'node:crypto';
import { checkEd25519PublicKey } from '../../shared/ed25519-key.js';
import { BanwatchError } from '../../shared/errors.js';

/** How far a request's timestamp may be from our clock: a captured request cannot be replayed later. */
export const MAX_SKEW_SECONDS = 300;

export interface SignedRequest {
  signature: string | undefined;
  timestamp: string | undefined;
  body: Buffer;
}

/**
 * Checks Discord's Ed25519 signature over `timestamp + raw body` with the application's public
 * key (node:crypto, no extra package). Malformed headers are a failed check, never an exception.
 */
export function createSignatureVerifier(publicKeyHex: string): (request: SignedRequest, now: Date) => boolean {
  const key = publicKey(publicKeyHex);
  return ({ signature, timestamp, body }, now) => {
    if (!signature || !timestamp || !/^[0-9a-f]{128}$/i.test(signature) || !/^\d{1,12}$/.test(timestamp)) return false;
    if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > MAX_SKEW_SECONDS) return false;
    try {
      return verify(null, Buffer.concat([Buffer.from(timestamp, 'utf8'), body]), key, Buffer.from(signature, 'hex'));
    } catch {
      return false;
    }
  };
}

function publicKey(hex: string): KeyObject {
  const checked = checkEd25519PublicKey(hex);
  if (!checked.ok) throw new BanwatchError('DISCORD_PUBLIC_KEY', `DISCORD_PUBLIC_KEY: ${checked.reason}`);
  try {
    return createPublicKey({
      key: { kty: 'OKP', crv: 'Ed25519', x: checked.bytes.toString('base64url') },
      format: 'jwk',
    });
  } catch {
    throw new BanwatchError('DISCORD_PUBLIC_KEY', 'DISCORD_PUBLIC_KEY: not a point on the Ed25519 curve');
  }
}
