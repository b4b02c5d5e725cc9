import { describe, expect, it } from 'vitest';
import {
  destinationOf,
  exportFileName,
  MAX_UPLOAD_ATTEMPTS,
  portOf,
  retryDelayMs,
  targetProblems,
  targetSettingsSchema,
} from './export-targets.rules.ts';

const settings = (over: object = {}) => targetSettingsSchema.parse(over);

describe('export target rules', () => {
  it('name what is missing before a target can be switched on, per partner', () => {
    expect(targetProblems('customerlink', settings(), false)).toEqual([
      'Enter the account number CustomerLink supplied.',
      'Enter the server address files are uploaded to.',
      'Enter the user name for the server.',
      'Enter the password for the server.',
    ]);
    expect(targetProblems('mechanicnet', settings({ host: 'h', user: 'u' }), true)).toEqual([
      'Enter the shop ID MechanicNET supplied.',
    ]);
    expect(targetProblems('carfax', settings({ host: 'h', user: 'u', passive: false }), true)).toEqual([
      expect.stringMatching(/Active FTP is not supported/),
    ]);
    expect(
      targetProblems('carfax', settings({ host: 'h', user: 'u', passive: false, protocol: 'sftp' }), true),
    ).toEqual([]);
  });

  it('use the protocol’s port unless one is typed, and never show a password in the destination', () => {
    expect(portOf(settings({ protocol: 'ftp' }))).toBe(21);
    expect(portOf(settings({ protocol: 'sftp', port: null }))).toBe(22);
    expect(portOf(settings({ protocol: 'sftp', port: 2222 }))).toBe(2222);
    expect(destinationOf(settings({ host: 'ftp.cl.test', user: 'dealer 1', directory: '/in' }))).toBe(
      'ftp://dealer%201@ftp.cl.test:21/in',
    );
  });

  it('name files after the partner, its id with the store and the day, keeping only safe characters', () => {
    expect(exportFileName('customerlink', settings({ accountNumber: 'CL-42/../x' }), 'MAPLE', '2026-06-15')).toBe(
      'CL_CL-42x_20260615.csv',
    );
    expect(exportFileName('mechanicnet', settings(), 'MAPLE', '2026-06-15')).toBe('MN_MAPLE_20260615.csv');
    expect(exportFileName('carfax', settings(), 'MAPLE', '2026-06-15')).toBe('CARFAX_MAPLE_20260615.csv');
  });

  it('retry after 5, 15 and 45 minutes before giving up', () => {
    expect([1, 2, 3].map((n) => retryDelayMs(n) / 60_000)).toEqual([5, 15, 45]);
    expect(MAX_UPLOAD_ATTEMPTS).toBe(4);
  });
});
