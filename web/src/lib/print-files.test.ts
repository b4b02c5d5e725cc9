import { describe, expect, it } from 'vitest';
import { formatBytes, printFileActions, printGroupLabel, printSizeLabel } from './print-files.ts';

describe('print file labels', () => {
  it('names a run’s file and a day’s file', () => {
    expect(printGroupLabel({ channel: 'letter', group: { kind: 'run', value: 'run-41' } })).toBe('Batch run run-41');
    expect(printGroupLabel({ channel: 'postcard', group: { kind: 'day', value: '2026-06-15' } })).toBe(
      'Postcards of Jun 15, 2026',
    );
  });

  it('sizes a file: items, then pages and bytes once rendered', () => {
    expect(printSizeLabel({ channel: 'letter', itemCount: 1, pages: null, bytes: null })).toBe('1 letter');
    expect(printSizeLabel({ channel: 'postcard', itemCount: 1200, pages: 2400, bytes: 3 * 1024 * 1024 })).toBe(
      '1,200 postcards · 2,400 pages · 3.0 MB',
    );
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(48_000)).toBe('47 KB');
  });
});

describe('printFileActions', () => {
  const open = { status: 'open' as const, itemCount: 3, downloadUrl: null };
  const ready = { status: 'ready' as const, itemCount: 3, downloadUrl: '/api/print-files/1/pdf' };
  it('lets managers close open files and mark ready ones printed', () => {
    expect(printFileActions(open, true)).toEqual({ download: false, close: true, markPrinted: false });
    expect(printFileActions(ready, true)).toEqual({ download: true, close: false, markPrinted: true });
    expect(printFileActions({ ...ready, status: 'printed' }, true)).toEqual({
      download: true,
      close: false,
      markPrinted: false,
    });
  });

  it('lets agents only download, and nobody close an empty file', () => {
    expect(printFileActions(ready, false)).toEqual({ download: true, close: false, markPrinted: false });
    expect(printFileActions({ ...open, itemCount: 0 }, true).close).toBe(false);
  });
});
