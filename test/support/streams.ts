import { PassThrough } from 'node:stream';

/** Two writable streams for a command's stdout and stderr, and what was written to each so far. */
export function captureStreams() {
  const out = new PassThrough();
  const err = new PassThrough();
  const text = { out: '', err: '' };
  out.on('data', (c: Buffer) => (text.out += c.toString()));
  err.on('data', (c: Buffer) => (text.err += c.toString()));
  return { out, err, text };
}
