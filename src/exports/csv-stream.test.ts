import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeCsv, writeCsvFile, type CsvColumn } from './csv-stream.ts';

interface Row {
  id: number;
  firstName: string;
  lastName: string;
  email: string | null;
  balance: number;
  lastVisit: Date | null;
  note: string;
}

const columns: CsvColumn<Row>[] = [
  { key: 'id', label: 'Customer #' },
  { key: 'firstName', label: 'First name' },
  { key: 'lastName', label: 'Last name' },
  { key: 'email', label: 'E-mail' },
  { key: 'balance', label: 'Balance' },
  { key: 'lastVisit', label: 'Last visit' },
  { key: 'note', label: 'Note' },
];

/** A row with strings unique to it, so nothing is shared between rows that are held. */
const rowAt = (i: number): Row => ({
  id: i,
  firstName: `Renée-${i}`,
  lastName: `Tremblay-Lavoie ${i}`,
  email: i % 10 === 0 ? null : `customer.${i}@example.test`,
  balance: -i / 100,
  lastVisit: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
  note: `Winter tires stored in bay ${i % 40}, rack ${i}; call before noon`,
});

async function* rows(count: number, onRow?: (i: number) => void): AsyncGenerator<Row> {
  for (let i = 1; i <= count; i++) {
    onRow?.(i);
    yield rowAt(i);
  }
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'forecourt-csv-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeCsv', () => {
  it('writes a header, CRLF lines, quoted and neutralised cells, and counts rows and bytes', async () => {
    const path = join(dir, 'small.csv');
    const tricky: Row = {
      ...rowAt(7),
      firstName: '=HYPERLINK("http://evil.test")',
      lastName: 'Smith, "Jr"',
      note: 'line one\nline two',
      balance: -42.5,
    };
    // Single rows and batches mixed, as a keyset-paged source would give them.
    async function* source(): AsyncGenerator<Row | Row[]> {
      yield rowAt(1);
      yield [rowAt(2), tricky];
      yield [];
    }
    const result = await writeCsvFile(path, columns, source());
    const text = await readFile(path, 'utf8');

    expect(result).toEqual({ rows: 3, bytes: (await stat(path)).size });
    expect(text.startsWith('Customer #,First name,Last name,E-mail,Balance,Last visit,Note\r\n')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(5); // header + 3 rows + the empty string after the last CRLF
    expect(text).toContain(`"'=HYPERLINK(""http://evil.test"")"`);
    expect(text).toContain('"Smith, ""Jr"""');
    expect(text).toContain('"line one\nline two"'); // a lone \n is quoted, not a line break
    expect(text).toContain(',-42.5,'); // a negative number stays a number

    const parsed: string[][] = parse(text, { relax_column_count: false });
    expect(parsed[3]).toEqual([
      '7',
      `'=HYPERLINK("http://evil.test")`,
      'Smith, "Jr"',
      'customer.7@example.test',
      '-42.5',
      '2024-01-01T00:07:00.000Z',
      'line one\nline two',
    ]);
    expect(parsed[1]?.[3]).toBe('customer.1@example.test');
  });

  it('starts with a UTF-8 byte-order mark when asked (for Excel)', async () => {
    const path = join(dir, 'bom.csv');
    const result = await writeCsvFile(path, columns, rows(1), { bom: true });
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(result.bytes).toBe(bytes.length);
    expect(bytes.toString('utf8')).toContain('Renée-1');
  });

  it('neutralises header labels too', async () => {
    const chunks: Buffer[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _enc, done) {
        chunks.push(chunk);
        done();
      },
    });
    await writeCsv([{ key: 'id', label: '@id' }], rows(0), sink);
    expect(Buffer.concat(chunks).toString()).toBe("'@id\r\n");
  });

  it('pulls rows only as fast as a slow destination drains', async () => {
    let produced = 0;
    let written = 0;
    let maxAhead = 0;
    const slow = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        written += chunk.toString().split('\r\n').length - 1;
        setImmediate(done);
      },
    });
    const result = await writeCsv(
      columns,
      rows(20_000, (i) => {
        produced = i;
        maxAhead = Math.max(maxAhead, produced - written);
      }),
      slow,
    );
    expect(result.rows).toBe(20_000);
    expect(written).toBe(20_001);
    // Stream buffers hold a few hundred rows at most; without backpressure this would be ~20,000.
    expect(maxAhead).toBeLessThan(2_000);
  });

  it('streams 200,000 rows with memory that does not grow with the row count', async () => {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    if (typeof gc !== 'function') throw new Error('could not expose the garbage collector');
    const retained = (): number => {
      Reflect.apply(gc, undefined, []);
      return process.memoryUsage().heapUsed;
    };

    // What holding 20,000 of these rows costs, to compare the streaming run against.
    const before = retained();
    const held = Array.from({ length: 20_000 }, (_, i) => rowAt(i));
    const heldPerRow = (retained() - before) / held.length;
    held.length = 0;
    const holdingAll = heldPerRow * 200_000;
    expect(holdingAll).toBeGreaterThan(40 * 1024 * 1024); // the comparison below means something

    const path = join(dir, 'big.csv');
    const baseline = retained();
    let peak = 0;
    const result = await writeCsvFile(
      path,
      columns,
      rows(200_000, (i) => {
        if (i % 40_000 === 0) peak = Math.max(peak, retained() - baseline);
      }),
    );

    expect(result.rows).toBe(200_000);
    expect(result.bytes).toBe((await stat(path)).size);
    let lines = 0;
    for await (const chunk of createReadStream(path)) {
      if (Buffer.isBuffer(chunk)) for (const byte of chunk) if (byte === 0x0a) lines++;
    }
    expect(lines).toBe(200_001);
    // Accumulating the rows (or the output) would retain ~holdingAll; streaming retains stream
    // buffers only. A tenth leaves a wide margin for GC noise and still catches any accumulation.
    expect(peak).toBeLessThan(holdingAll / 10);
  });
});
