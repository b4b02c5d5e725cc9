import { isIP } from 'node:net';

/** Why an address is not a partner's server on the public internet. */
export type BlockedRange =
  | 'loopback'
  | 'private'
  | 'link_local'
  | 'shared' // carrier-grade NAT, 100.64.0.0/10
  | 'unspecified'
  | 'multicast'
  | 'reserved';

/** Why a host was refused: a blocked range, a name that does not resolve, or not a host at all. */
export type HostRefusal = BlockedRange | 'unresolvable' | 'invalid';

export type HostCheck = { ok: true; address: string } | { ok: false; reason: HostRefusal; message: string };

const RANGE_WORDS: Record<BlockedRange, string> = {
  loopback: 'a loopback address (this machine)',
  private: 'a private address',
  link_local: 'a link-local address',
  shared: 'a carrier-grade NAT address',
  unspecified: 'an unspecified address',
  multicast: 'a multicast address',
  reserved: 'a reserved address',
};

interface Cidr {
  base: bigint;
  bits: number;
  range: BlockedRange;
}

const v4 = (cidr: string, range: BlockedRange): Cidr => {
  const [ip = '', bits = '32'] = cidr.split('/');
  return { base: parseV4(ip) ?? 0n, bits: Number(bits), range };
};
const v6 = (cidr: string, range: BlockedRange): Cidr => {
  const [ip = '', bits = '128'] = cidr.split('/');
  return { base: parseV6(ip) ?? 0n, bits: Number(bits), range };
};

/** Ranges an export must not reach without an administrator's say-so (SSRF into our own network). */
const BLOCKED_V4: readonly Cidr[] = [
  v4('0.0.0.0/8', 'unspecified'),
  v4('10.0.0.0/8', 'private'),
  v4('100.64.0.0/10', 'shared'),
  v4('127.0.0.0/8', 'loopback'),
  v4('169.254.0.0/16', 'link_local'), // also cloud metadata services (169.254.169.254)
  v4('172.16.0.0/12', 'private'),
  v4('192.168.0.0/16', 'private'),
  v4('224.0.0.0/4', 'multicast'),
  v4('240.0.0.0/4', 'reserved'), // includes the broadcast address 255.255.255.255
];

const BLOCKED_V6: readonly Cidr[] = [
  v6('::/128', 'unspecified'),
  v6('::1/128', 'loopback'),
  v6('fc00::/7', 'private'), // unique local
  v6('fec0::/10', 'private'), // deprecated site-local, still routed inside some networks
  v6('fe80::/10', 'link_local'),
  v6('ff00::/8', 'multicast'),
];

/** IPv6 prefixes that carry an IPv4 address in their last 32 bits, which is what gets reached. */
const EMBEDS_V4: readonly Cidr[] = [
  v6('::ffff:0:0/96', 'reserved'), // IPv4-mapped
  v6('::/96', 'reserved'), // IPv4-compatible (deprecated)
  v6('64:ff9b::/96', 'reserved'), // NAT64
];

/**
 * The blocked range an IP address falls in, or null for an ordinary public address. IPv4-mapped,
 * IPv4-compatible and NAT64 IPv6 addresses are judged by the IPv4 address they carry, so
 * `::ffff:10.0.0.5` is as private as `10.0.0.5`. Throws nothing; a non-address gives 'reserved'.
 */
export function blockedRange(ip: string): BlockedRange | null {
  const bare = stripZone(ip);
  const family = isIP(bare);
  if (family === 4) return match(parseV4(bare), 32, BLOCKED_V4);
  if (family !== 6) return 'reserved';
  const value = parseV6(bare);
  if (value === null) return 'reserved';
  const direct = match(value, 128, BLOCKED_V6);
  if (direct) return direct;
  if (EMBEDS_V4.some((c) => inCidr(value, 128, c))) return match(value & 0xffffffffn, 32, BLOCKED_V4);
  return null;
}

/** True when the host the administrator typed, or the address it resolved to, is allowed explicitly. */
export function isAllowed(host: string, address: string, allow: readonly string[]): boolean {
  const wanted = new Set(allow.map(normaliseHost));
  return wanted.has(normaliseHost(host)) || wanted.has(normaliseHost(address));
}

/** Lower case, no surrounding blanks, brackets, trailing dot or IPv6 zone: `[FE80::1%eth0]` → `fe80::1`. */
export function normaliseHost(host: string): string {
  const trimmed = host.trim().toLowerCase();
  const unbracketed = trimmed.startsWith('[') && trimmed.endsWith(']') ? trimmed.slice(1, -1) : trimmed;
  return stripZone(unbracketed).replace(/\.$/, '');
}

/**
 * Decides whether an export may connect to `host`, given every address it resolved to. Refused when
 * ANY address is in a blocked range (a name with one public and one private address is as
 * dangerous as a private one) unless the host or that address is in `allow`. On success the
 * first address is returned: connect to it rather than resolving again, so a second DNS answer
 * cannot slip a private address in after the check (DNS rebinding).
 */
export function judgeAddresses(host: string, addresses: readonly string[], allow: readonly string[]): HostCheck {
  const first = addresses[0];
  if (first === undefined) {
    return {
      ok: false,
      reason: 'unresolvable',
      message: `${host} did not resolve to any address; check the spelling.`,
    };
  }
  for (const address of addresses) {
    const range = blockedRange(address);
    if (range === null || isAllowed(host, address, allow)) continue;
    const where = normaliseHost(host) === normaliseHost(address) ? host : `${host} resolves to ${address}, which`;
    return {
      ok: false,
      reason: range,
      message: `${where} is ${RANGE_WORDS[range]}; exports only go to servers on the internet unless an administrator allows this host explicitly.`,
    };
  }
  return { ok: true, address: stripZone(first) };
}

function match(value: bigint | null, width: number, cidrs: readonly Cidr[]): BlockedRange | null {
  if (value === null) return 'reserved';
  return cidrs.find((c) => inCidr(value, width, c))?.range ?? null;
}

function inCidr(value: bigint, width: number, cidr: Cidr): boolean {
  const shift = BigInt(width - cidr.bits);
  return value >> shift === cidr.base >> shift;
}

function stripZone(ip: string): string {
  const percent = ip.indexOf('%');
  return percent === -1 ? ip : ip.slice(0, percent);
}

function parseV4(ip: string): bigint | null {
  const parts = ip.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

/** 128-bit value of an IPv6 address, `::` and a trailing dotted IPv4 part included. */
function parseV6(ip: string): bigint | null {
  let text = ip;
  const lastColon = text.lastIndexOf(':');
  if (text.includes('.', lastColon)) {
    // `::ffff:10.0.0.5` → `::ffff:a00:5`: the dotted part is the last two 16-bit groups.
    const embedded = parseV4(text.slice(lastColon + 1));
    if (embedded === null) return null;
    text = `${text.slice(0, lastColon + 1)}${(embedded >> 16n).toString(16)}:${(embedded & 0xffffn).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (s: string | undefined): string[] => (s ? s.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const words = halves.length === 2 ? [...head, ...Array<string>(missing).fill('0'), ...tail] : head;
  let value = 0n;
  for (const word of words) {
    if (!/^[0-9a-f]{1,4}$/i.test(word)) return null;
    value = (value << 16n) | BigInt(`0x${word}`);
  }
  return value;
}
