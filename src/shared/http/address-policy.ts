import { isIP } from 'node:net';

/**
 * Which IP addresses a feed that an admin typed into chat must never reach: anything that is
 * not the public internet. A URL alone cannot be trusted for this (DNS can say anything), so
 * the connector asks this on the address it is about to connect to.
 */
export function blockedAddressReason(address: string): string | undefined {
  const bare = stripZoneAndBrackets(address);
  const version = isIP(bare);
  if (version === 4) return ipv4Reason(parseIpv4(bare));
  if (version === 6) {
    const words = parseIpv6(bare);
    return words ? ipv6Reason(words) : 'an unparseable IPv6 address';
  }
  return undefined;
}

export function stripZoneAndBrackets(address: string): string {
  let bare = address.startsWith('[') && address.endsWith(']') ? address.slice(1, -1) : address;
  const zone = bare.indexOf('%');
  if (zone >= 0) bare = bare.slice(0, zone);
  return bare;
}

type Octets = [number, number, number, number];

function parseIpv4(text: string): Octets {
  const parts = text.split('.').map((p) => Number(p));
  return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 0];
}

function ipv4Reason([a, b]: Octets): string | undefined {
  if (a === 0) return 'an unspecified address (0.0.0.0/8)';
  if (a === 127) return 'a loopback address (127.0.0.0/8)';
  if (a === 10) return 'a private address (10.0.0.0/8)';
  if (a === 172 && b >= 16 && b <= 31) return 'a private address (172.16.0.0/12)';
  if (a === 192 && b === 168) return 'a private address (192.168.0.0/16)';
  if (a === 169 && b === 254) return 'a link-local address (169.254.0.0/16, cloud metadata)';
  if (a === 100 && b >= 64 && b <= 127) return 'a carrier-grade NAT address (100.64.0.0/10)';
  if (a >= 224 && a <= 239) return 'a multicast address (224.0.0.0/4)';
  if (a >= 240) return 'a reserved or broadcast address (240.0.0.0/4)';
  return undefined;
}

/** Eight 16-bit words, or undefined when the text is not IPv6. */
export function parseIpv6(text: string): number[] | undefined {
  let expanded = text;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  if (tail.includes('.')) {
    if (isIP(tail) !== 4) return undefined;
    const [a, b, c, d] = parseIpv4(tail);
    expanded = `${text.slice(0, lastColon + 1)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const halves = expanded.split('::');
  if (halves.length > 2) return undefined;
  const toWords = (part: string | undefined): number[] =>
    part ? part.split(':').map((w) => (/^[0-9a-f]{1,4}$/i.test(w) ? parseInt(w, 16) : NaN)) : [];
  const left = toWords(halves[0]);
  const right = toWords(halves[1]);
  const missing = 8 - left.length - right.length;
  if (halves.length === 1 ? missing !== 0 : missing < 0) return undefined;
  const words = [...left, ...new Array<number>(missing).fill(0), ...right];
  if (words.some((w) => Number.isNaN(w))) return undefined;
  return words;
}

function embeddedIpv4(words: number[]): Octets {
  const hi = words[6] ?? 0;
  const lo = words[7] ?? 0;
  return [hi >> 8, hi & 0xff, lo >> 8, lo & 0xff];
}

function ipv6Reason(words: number[]): string | undefined {
  const [w0 = 0, w1 = 0, w2 = 0, w3 = 0, w4 = 0, w5 = 0, w6 = 0, w7 = 0] = words;
  const firstFiveZero = w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0 && w4 === 0;
  if (firstFiveZero && w5 === 0 && w6 === 0 && w7 === 0) return 'an unspecified address (::)';
  if (firstFiveZero && w5 === 0 && w6 === 0 && w7 === 1) return 'a loopback address (::1)';
  // IPv4-mapped (::ffff:a.b.c.d) and the deprecated IPv4-compatible (::a.b.c.d) forms reach
  // the IPv4 address they embed, so they get its verdict.
  if (firstFiveZero && (w5 === 0xffff || w5 === 0)) {
    const inner = ipv4Reason(embeddedIpv4(words));
    return inner ? `${inner} in IPv6 form` : undefined;
  }
  // NAT64 (64:ff9b::/96) translates to the embedded IPv4 address.
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0) {
    const inner = ipv4Reason(embeddedIpv4(words));
    return inner ? `${inner} behind NAT64` : undefined;
  }
  if ((w0 & 0xfe00) === 0xfc00) return 'a unique-local (private) address (fc00::/7)';
  if ((w0 & 0xffc0) === 0xfe80) return 'a link-local address (fe80::/10)';
  if ((w0 & 0xffc0) === 0xfec0) return 'a site-local address (fec0::/10)';
  if ((w0 & 0xff00) === 0xff00) return 'a multicast address (ff00::/8)';
  return undefined;
}
