import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { judgeAddresses, normaliseHost, type HostCheck } from './host-guard.rules.ts';

export type { HostCheck, HostRefusal, BlockedRange } from './host-guard.rules.ts';

/** Every address a host name resolves to. Injected in tests; `systemResolver` otherwise. */
export type Resolver = (host: string) => Promise<readonly string[]>;

/** The operating system's resolver (what `net.connect` itself would use), all addresses. */
export const systemResolver: Resolver = async (host) =>
  (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export interface HostGuardOptions {
  /** Hosts or IP addresses an administrator allowed explicitly, e.g. `['127.0.0.1']` in tests. */
  allow: readonly string[];
  resolve?: Resolver;
}

/**
 * Whether an export may connect to `host`, and the address to connect to. A literal IP is judged
 * as it is; a name is resolved and refused if ANY of its addresses is loopback, private,
 * link-local, carrier-grade NAT, unspecified, multicast or reserved, unless allowed explicitly.
 * A name that does not resolve is refused too ('unresolvable'). Never throws.
 */
export async function checkHost(host: string, options: HostGuardOptions): Promise<HostCheck> {
  const name = normaliseHost(host);
  if (name === '') return { ok: false, reason: 'invalid', message: 'No server name was given.' };
  if (isIP(name) !== 0) return judgeAddresses(host, [name], options.allow);
  let addresses: readonly string[];
  try {
    addresses = await (options.resolve ?? systemResolver)(name);
  } catch (err) {
    const code = errorCode(err);
    return {
      ok: false,
      reason: 'unresolvable',
      message:
        code === 'ENOTFOUND' || code === 'ENODATA'
          ? `${host} was not found in DNS; check the server name.`
          : `${host} could not be looked up right now (${code ?? 'DNS error'}); try again later.`,
    };
  }
  return judgeAddresses(host, addresses, options.allow);
}

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null || !('code' in err)) return undefined;
  return typeof err.code === 'string' ? err.code : undefined;
}
