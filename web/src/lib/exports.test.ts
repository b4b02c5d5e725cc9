import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.ts';
import type { ExportRun, ExportTarget } from '../api/exports.types.ts';
import type { StoreSettings } from '../api/store-settings.ts';
import {
  clockText,
  confirmationOf,
  consentRequired,
  defaultPort,
  exportChange,
  exportFormDirty,
  exportProblemsOf,
  formatBytes,
  localExportProblems,
  readOnlyFields,
  runStatusText,
  switchOnProblems,
  toExportForm,
  withProtocol,
} from './exports.ts';

const saved: ExportTarget = {
  id: null,
  kind: 'customerlink',
  label: 'CustomerLink',
  enabled: false,
  settings: { accountNumber: '', shopId: '', protocol: 'ftp', host: '', user: '', directory: '', passive: true },
  passwordSet: false,
  runTime: '02:00',
  allowPrivateHost: false,
  consentText: 'I confirm that, at my request, …',
  consent: null,
  problems: ['Enter the account number CustomerLink supplied.'],
  updatedAt: null,
};

const run = (over: Partial<ExportRun>): ExportRun => ({
  id: 1,
  kind: 'customerlink',
  trigger: 'manual',
  status: 'uploaded',
  fileName: 'CL_7_20261123.csv',
  rowCount: 12,
  bytes: 1536,
  destination: 'ftp://dealer@ftp.partner.test:21',
  attempts: 1,
  nextAttemptAt: null,
  errorCode: null,
  error: null,
  startedAt: '2026-11-23T06:00:00Z',
  finishedAt: '2026-11-23T06:00:02Z',
  ...over,
});

describe('ports', () => {
  it('uses 21 for FTP and FTPS, 22 for SFTP', () => {
    expect([defaultPort('ftp'), defaultPort('ftps'), defaultPort('sftp')]).toEqual([21, 21, 22]);
  });

  it('lets a default port follow the protocol and keeps a typed one', () => {
    const v = toExportForm(saved);
    expect(withProtocol({ ...v, port: '21' }, 'sftp').port).toBe('');
    expect(withProtocol({ ...v, port: '' }, 'sftp').port).toBe('');
    expect(withProtocol({ ...v, port: '2121' }, 'sftp').port).toBe('2121');
    expect(withProtocol(v, 'sftp').protocol).toBe('sftp');
  });
});

describe('the form', () => {
  it('sends nothing for the saved target', () => {
    expect(exportChange(toExportForm(saved), saved)).toEqual({});
    expect(exportFormDirty(toExportForm(saved), saved)).toBe(false);
  });

  it('sends only what changed, trimmed, the port as a number and the password only when typed', () => {
    const v = {
      ...toExportForm(saved),
      accountNumber: ' CL-7 ',
      host: '127.0.0.1',
      port: '2121',
      user: 'dealer',
      password: 'pw',
      runTime: '03:30',
    };
    expect(exportChange(v, saved)).toEqual({
      settings: { accountNumber: 'CL-7', host: '127.0.0.1', port: 2121, user: 'dealer' },
      password: 'pw',
      runTime: '03:30',
    });
  });

  it('keeps a stored password when nothing is typed, and sends a cleared port as the protocol’s', () => {
    const stored: ExportTarget = {
      ...saved,
      passwordSet: true,
      settings: { ...saved.settings, host: 'h', port: 2121, protocol: 'sftp' },
    };
    const v = { ...toExportForm(stored), port: '' };
    expect(exportChange(v, stored)).toEqual({ settings: { port: 22 } });
    expect(exportChange({ ...toExportForm(stored), allowPrivateHost: true }, stored)).toEqual({
      allowPrivateHost: true,
    });
  });

  it('refuses a port that is not one and a run time that is not HH:MM', () => {
    const v = toExportForm(saved);
    expect(localExportProblems(v)).toEqual({});
    expect(localExportProblems({ ...v, port: '70000', runTime: '2:00' })).toEqual({
      port: expect.stringMatching(/from 1 to 65535/),
      runTime: expect.stringMatching(/HH:MM/),
    });
    expect(localExportProblems({ ...v, port: 'abc' }).port).toBeDefined();
  });

  it('names what is missing before switching on', () => {
    const v = toExportForm(saved);
    expect(switchOnProblems('customerlink', v, false)).toEqual([
      'Enter the account number CustomerLink supplied.',
      'Enter the server address files are uploaded to.',
      'Enter the user name for the server.',
      'Enter the password for the server.',
    ]);
    const full = { ...v, accountNumber: 'A', shopId: 'S', host: 'h', user: 'u' };
    expect(switchOnProblems('customerlink', full, true)).toEqual([]);
    expect(switchOnProblems('carfax', { ...full, password: 'x' }, false)).toEqual([]);
    expect(switchOnProblems('mechanicnet', { ...full, shopId: '' }, true)).toEqual([
      'Enter the shop ID MechanicNET supplied.',
    ]);
    expect(switchOnProblems('carfax', { ...full, passive: false }, true)).toHaveLength(1);
    expect(switchOnProblems('carfax', { ...full, passive: false, protocol: 'sftp' }, true)).toEqual([]);
  });
});

describe('the partners', () => {
  it('confirms CustomerLink with the seed’s sentence and shows CARFAX its terms', () => {
    expect(confirmationOf('customerlink').sentence).toMatch(
      /sending this store’s data to CustomerLink at your request/,
    );
    expect(confirmationOf('carfax')).toMatchObject({ title: 'CARFAX terms of service', sentence: null });
  });

  it('draws the read-only fields from the store’s contact card', () => {
    const store = {
      name: 'Elm Street Auto',
      phone: '+19025550100',
      addressLine1: '12 Elm St',
      addressLine2: null,
      city: 'Halifax',
      region: 'NS',
      postalCode: 'B3H 1A1',
    } as StoreSettings;
    expect(readOnlyFields('customerlink', store).map((f) => [f.label, f.value])).toEqual([
      ['Business Name', 'Elm Street Auto'],
      ['Business Phone', '(902) 555-0100'],
    ]);
    expect(readOnlyFields('mechanicnet', store).map((f) => f.label)).toEqual(['Shop Name']);
    expect(readOnlyFields('carfax', store).map((f) => f.value)).toEqual([
      'Not used',
      'Elm Street Auto',
      '12 Elm St, Halifax, NS B3H 1A1',
    ]);
  });
});

describe('the server’s refusals', () => {
  it('reads the confirmation request and the missing fields', () => {
    const c = new ApiError(409, 'export_confirmation_required', 'Confirm…', { consentText: 'I confirm' });
    expect(consentRequired(c)).toBe('I confirm');
    expect(consentRequired(new ApiError(400, 'invalid_input', 'x'))).toBeNull();
    const p = new ApiError(422, 'export_invalid', 'CustomerLink cannot be switched on: …', {
      problems: [
        { field: 'settings', message: 'Enter the user name for the server.' },
        { field: 'settings', message: 'Enter the password for the server.' },
      ],
    });
    expect(exportProblemsOf(p)).toEqual(['Enter the user name for the server.', 'Enter the password for the server.']);
    expect(exportProblemsOf(new ApiError(422, 'export_invalid', 'Switched off.'))).toEqual(['Switched off.']);
    expect(exportProblemsOf(c)).toEqual([]);
  });
});

describe('runs in words', () => {
  it('formats bytes', () => {
    expect([formatBytes(null), formatBytes(0), formatBytes(1), formatBytes(1536), formatBytes(2_400_000)]).toEqual([
      '',
      '0 bytes',
      '1 byte',
      '1.5 KB',
      '2.3 MB',
    ]);
  });

  it('says what became of a run', () => {
    const zone = 'America/Halifax';
    expect(runStatusText(run({}), zone)).toBe('Uploaded 12 rows (1.5 KB) to ftp://dealer@ftp.partner.test:21.');
    const refused = 'The FTP server at ftp.partner.test:21 refused the user name or password (530).';
    expect(runStatusText(run({ status: 'failed', attempts: 4, error: refused }), zone)).toBe(
      `Failed after 4 attempts: ${refused}`,
    );
    expect(runStatusText(run({ status: 'failed', attempts: 0, error: 'Host refused.' }), zone)).toBe(
      'Failed: Host refused.',
    );
    expect(
      runStatusText(
        run({ status: 'retrying', attempts: 1, error: refused, nextAttemptAt: '2026-11-23T06:20:00Z' }),
        zone,
      ),
    ).toBe(`Attempt 1 failed: ${refused} Retrying at 02:20.`);
    expect(runStatusText(run({ status: 'running' }), zone)).toBe('Running…');
    expect(clockText('2026-11-23T06:20:00Z', 'UTC')).toBe('06:20');
  });
});
