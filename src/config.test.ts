import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './config.ts';

describe('loadConfig', () => {
  it('defaults to the embedded database in ./.forecourt', () => {
    const c = loadConfig({});
    expect(c.databaseUrl).toBeUndefined();
    expect(c.dataDir).toBe(path.resolve('.forecourt'));
    expect(c.publicUrl).toBe('http://127.0.0.1:3000');
    expect(c.secureCookies).toBe(false);
  });
  it('switches to PostgreSQL with DATABASE_URL and treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/f' }).databaseUrl).toBe(
      'postgres://u:p@127.0.0.1:5432/f',
    );
    expect(loadConfig({ DATABASE_URL: '' }).databaseUrl).toBeUndefined();
  });
  it('uses Secure cookies behind an https public URL', () => {
    expect(loadConfig({ FORECOURT_PUBLIC_URL: 'https://crm.example.com/' })).toMatchObject({
      secureCookies: true,
      publicUrl: 'https://crm.example.com',
    });
  });
  it('lists every bad variable in one error', () => {
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x', PORT: 'abc' })).toThrow(/DATABASE_URL.*\n.*PORT/s);
  });
});
