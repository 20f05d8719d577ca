/**
 * Checks an Ed25519 public key before anything is verified with it: 32 bytes, a canonical
 * encoding (y below the field prime), and not one of the 8 small-order points (the identity,
 * the point of order 2, two of order 4, four of order 8). Signatures "verify" under a
 * small-order key for messages nobody signed, so such a key would let forged requests in.
 * The list is libsodium's (crypto_sign_ed25519 blocklist), compared with the sign bit cleared.
 */
const P = 2n ** 255n - 19n;
const SMALL_ORDER_Y = new Set<bigint>([
  0n, // order 4 (either sign)
  1n, // the identity
  P - 1n, // order 2
  2707385501144840649318225287225658788936804267575313519463743609750303402022n, // order 8
  55188659117513257062467267217118295137698188065244968500265048394206261417927n, // order 8
]);

export type KeyCheck = { ok: true; bytes: Buffer } | { ok: false; reason: string };

export function checkEd25519PublicKey(hex: string): KeyCheck {
  if (!/^[0-9a-f]{64}$/i.test(hex)) return { ok: false, reason: 'expected 64 hexadecimal characters (32 bytes)' };
  const bytes = Buffer.from(hex, 'hex');
  const y = BigInt(`0x${Buffer.from(bytes).reverse().toString('hex')}`) & ((1n << 255n) - 1n);
  if (y >= P) return { ok: false, reason: 'not a canonical Ed25519 point encoding' };
  if (SMALL_ORDER_Y.has(y)) return { ok: false, reason: 'a small-order point, which would accept forged signatures' };
  return { ok: true, bytes };
}
