import { describe, expect, it } from 'vitest';
import { blockedRange, judgeAddresses, normaliseHost } from './host-guard.rules.ts';

describe('blockedRange', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.5', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.20', 'private'],
    ['169.254.169.254', 'link_local'],
    ['100.64.0.1', 'shared'],
    ['100.127.255.254', 'shared'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fc00::1', 'private'],
    ['fd12:3456:789a::1', 'private'],
    ['fe80::1', 'link_local'],
    ['fe80::1%eth0', 'link_local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:10.0.0.5', 'private'],
    ['::ffff:a00:5', 'private'],
    ['0:0:0:0:0:ffff:c0a8:0101', 'private'],
    ['::ffff:169.254.169.254', 'link_local'],
    ['64:ff9b::10.1.2.3', 'private'],
    ['not-an-ip', 'reserved'],
  ])('%s is %s', (ip, range) => {
    expect(blockedRange(ip)).toBe(range);
  });

  it.each([
    '8.8.8.8',
    '172.15.255.255',
    '172.32.0.1',
    '100.63.255.255',
    '100.128.0.1',
    '192.169.0.1',
    '2001:db8::1',
    '2606:4700::1111',
    '::ffff:8.8.8.8',
    '64:ff9b::8.8.8.8',
  ])('%s is public', (ip) => {
    expect(blockedRange(ip)).toBeNull();
  });
});

describe('judgeAddresses', () => {
  it('accepts a name whose addresses are all public and returns the first to connect to', () => {
    expect(judgeAddresses('ftp.example.test', ['203.0.113.7', '2001:db8::7'], [])).toEqual({
      ok: true,
      address: '203.0.113.7',
    });
  });

  it('refuses a name when any of its addresses is private, saying which and what to do', () => {
    const check = judgeAddresses('ftp.example.test', ['203.0.113.7', '10.0.0.5'], []);
    expect(check).toEqual({
      ok: false,
      reason: 'private',
      message:
        'ftp.example.test resolves to 10.0.0.5, which is a private address; exports only go to servers on the internet unless an administrator allows this host explicitly.',
    });
  });

  it('refuses a literal loopback address in plain words', () => {
    const check = judgeAddresses('127.0.0.1', ['127.0.0.1'], []);
    expect(check).toMatchObject({ ok: false, reason: 'loopback' });
    expect(check.ok ? '' : check.message).toMatch(/^127\.0\.0\.1 is a loopback address/);
  });

  it('lets an administrator allow an exact host or address', () => {
    expect(judgeAddresses('127.0.0.1', ['127.0.0.1'], ['127.0.0.1'])).toEqual({ ok: true, address: '127.0.0.1' });
    expect(judgeAddresses('files.dealer.lan', ['10.1.1.1'], ['FILES.dealer.lan.'])).toEqual({
      ok: true,
      address: '10.1.1.1',
    });
    expect(judgeAddresses('files.dealer.lan', ['10.1.1.1'], ['10.1.1.1'])).toMatchObject({ ok: true });
    // Allowing one address does not allow its neighbours, nor a name's other addresses.
    expect(judgeAddresses('127.0.0.2', ['127.0.0.2'], ['127.0.0.1'])).toMatchObject({ ok: false });
    expect(judgeAddresses('localhost', ['127.0.0.1', '::1'], ['127.0.0.1'])).toMatchObject({
      ok: false,
      reason: 'loopback',
    });
  });

  it('refuses a name with no addresses', () => {
    expect(judgeAddresses('nowhere.example.test', [], [])).toMatchObject({ ok: false, reason: 'unresolvable' });
  });
});

describe('normaliseHost', () => {
  it('ignores case, brackets, a trailing dot and an IPv6 zone', () => {
    expect(normaliseHost(' FTP.Example.TEST. ')).toBe('ftp.example.test');
    expect(normaliseHost('[FE80::1%eth0]')).toBe('fe80::1');
  });
});
