import { PassThrough, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { renderLetterBatchPdf, renderPostcardBatchPdf, writeLetterBatchPdf } from './batch.pdf.ts';
import { buildLetter, buildPostcard, pdfPageCount, pdfPageTexts } from './pdf.testing.ts';
import type { LetterInput } from './pdf.types.ts';

const createdAt = new Date('2025-03-01T12:00:00Z');
const longBody = Array.from(
  { length: 40 },
  (_, i) => `<p>Paragraph ${i}: ${'lorem ipsum dolor sit amet '.repeat(8)}</p>`,
).join('');
const names = ['Ann Able', 'Ben Baker', 'Cy Cole'];
const letters = (body?: string): LetterInput[] =>
  names.map((name) => buildLetter({ recipient: { lines: [name, '1 Road'] }, ...(body ? { bodyHtml: body } : {}) }));

async function* slowly<T>(items: T[]): AsyncGenerator<T> {
  for (const item of items) {
    await new Promise((r) => setTimeout(r, 1));
    yield item;
  }
}

describe('letter batches', () => {
  it('starts each letter on its own page', async () => {
    const pdf = await renderLetterBatchPdf(letters(), { compress: false, createdAt });
    const pages = pdfPageTexts(pdf);
    expect(pages).toHaveLength(3);
    names.forEach((name, i) => {
      expect(pages[i]).toContain(name);
      for (const other of names.filter((n) => n !== name)) expect(pages[i]).not.toContain(other);
    });
  });

  it('pads each letter to an even page count for duplex printing', async () => {
    const mixed = [...letters(), buildLetter({ bodyHtml: longBody })];
    const simplex = await renderLetterBatchPdf(mixed, { compress: false, createdAt });
    const duplex = await renderLetterBatchPdf(mixed, { compress: false, createdAt, duplex: true });
    expect(pdfPageCount(simplex) % 2).toBe(1);
    expect(pdfPageCount(duplex) % 2).toBe(0);
    const pages = pdfPageTexts(duplex);
    // Letters start on odd (front) pages: 1, 3, 5, 7.
    names.forEach((name, i) => expect(pages[2 * i]).toContain(name));
    expect(pages[1]).toBe('');
  });

  it('accepts an async source and writes to a stream, respecting backpressure', async () => {
    const chunks: Buffer[] = [];
    let pendingWrites = 0;
    // A slow disk: each write completes a little later, with a tiny buffer.
    const out = new Writable({
      highWaterMark: 1024,
      write(chunk: Buffer, _enc, done) {
        pendingWrites++;
        chunks.push(chunk);
        setTimeout(() => {
          pendingWrites--;
          done();
        }, 1);
      },
    });
    const finished = new Promise((resolve) => out.on('finish', resolve));
    const summary = await writeLetterBatchPdf(slowly(letters()), out, { compress: false, createdAt });
    await finished;
    expect(summary).toEqual({ items: 3, pages: 3 });
    expect(pendingWrites).toBe(0);
    const pdf = Buffer.concat(chunks);
    expect(pdf.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    expect(pdfPageCount(pdf)).toBe(3);
    expect(pdf.equals(await renderLetterBatchPdf(letters(), { compress: false, createdAt }))).toBe(true);
  });

  it('rejects when the source fails', async () => {
    async function* failing(): AsyncGenerator<LetterInput> {
      yield buildLetter();
      throw new Error('cursor lost');
    }
    await expect(writeLetterBatchPdf(failing(), new PassThrough())).rejects.toThrow('cursor lost');
    await expect(renderLetterBatchPdf(failing())).rejects.toThrow('cursor lost');
  });

  it('rejects when the output fails', async () => {
    const out = new Writable({
      write(_chunk, _enc, done) {
        done(new Error('disk full'));
      },
    });
    await expect(writeLetterBatchPdf(slowly(letters()), out)).rejects.toThrow('disk full');
  });
});

describe('postcard batches', () => {
  it('prints two pages per card', async () => {
    const cards = names.map((name) => buildPostcard({ recipient: { lines: [name, '1 Road'] } }));
    const pdf = await renderPostcardBatchPdf(cards, { compress: false, createdAt });
    const pages = pdfPageTexts(pdf);
    expect(pages).toHaveLength(6);
    names.forEach((name, i) => expect(pages[2 * i + 1]).toContain(name));
  });
});
