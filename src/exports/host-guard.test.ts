import { describe, expect, it } from 'vitest';
import { checkHost, type Resolver } from './host-guard.ts';

const resolverOf =
  (table: Record<string, readonly string[]>): Resolver =>
  async (host) => {
    const found = table[host];
    if (found) return found;
    throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
  };

const resolve = resolverOf({
  'ftp.partner.test': ['203.0.113.10'],
  'ftp.example.test': ['10.0.0.5'],
  'split.example.test': ['203.0.113.11', 'fd00::5'],
  'mapped.example.test': ['::ffff:192.168.0.9'],
});

describe('checkHost', () => {
  it('allows a public host and returns the address to connect to', async () => {
    expect(await checkHost('ftp.partner.test', { allow: [], resolve })).toEqual({ ok: true, address: '203.0.113.10' });
  });

  it('refuses a name that resolves into a private range, with a message a person can act on', async () => {
    expect(await checkHost('ftp.example.test', { allow: [], resolve })).toEqual({
      ok: false,
      reason: 'private',
      message:
        'ftp.example.test resolves to 10.0.0.5, which is a private address; exports only go to servers on the internet unless an administrator allows this host explicitly.',
    });
  });

  it('refuses when any one address is blocked, IPv6 and IPv4-mapped included', async () => {
    expect(await checkHost('split.example.test', { allow: [], resolve })).toMatchObject({
      ok: false,
      reason: 'private',
    });
    expect(await checkHost('mapped.example.test', { allow: [], resolve })).toMatchObject({
      ok: false,
      reason: 'private',
    });
  });

  it('judges a literal address without asking DNS', async () => {
    const refuse: Resolver = () => Promise.reject(new Error('DNS must not be asked'));
    expect(await checkHost('127.0.0.1', { allow: [], resolve: refuse })).toMatchObject({
      ok: false,
      reason: 'loopback',
    });
    expect(await checkHost('[::1]', { allow: [], resolve: refuse })).toMatchObject({ ok: false, reason: 'loopback' });
    expect(await checkHost('127.0.0.1', { allow: ['127.0.0.1'], resolve: refuse })).toEqual({
      ok: true,
      address: '127.0.0.1',
    });
  });

  it('allows a private host only when an administrator listed it', async () => {
    expect(await checkHost('ftp.example.test', { allow: ['ftp.example.test'], resolve })).toEqual({
      ok: true,
      address: '10.0.0.5',
    });
  });

  it('refuses a name that does not resolve, and an empty one', async () => {
    const check = await checkHost('nowhere.example.test', { allow: [], resolve });
    expect(check).toEqual({
      ok: false,
      reason: 'unresolvable',
      message: 'nowhere.example.test was not found in DNS; check the server name.',
    });
    expect(await checkHost('  ', { allow: [], resolve })).toMatchObject({ ok: false, reason: 'invalid' });
  });
});
