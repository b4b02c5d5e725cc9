import { isUtf8 } from 'node:buffer';
import { DomainError } from '../../shared/errors.ts';

export type EncodingOption = 'auto' | 'utf-8' | 'windows-1252';
export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** How far decoding has got; read by the service for progress and the report. */
export interface DecodeState {
  bytesRead: number;
  encoding: Encoding | undefined;
}

/** Bytes looked at before choosing an encoding in 'auto' mode. */
export const SNIFF_BYTES = 1 << 20;

/**
 * Decodes a byte stream to text, dropping any byte-order mark.
 *
 * A BOM decides the encoding (UTF-8 or UTF-16). Otherwise 'auto' reads the first SNIFF_BYTES:
 * valid UTF-8 (plain ASCII included) is read as UTF-8, anything else as Windows-1252, the
 * encoding of DMS exports made on Windows. Because only the start is sniffed, invalid UTF-8
 * further on refuses the file (import_bad_file) naming the byte offset and the option to use,
 * rather than silently storing mangled names.
 */
export async function* decodeText(
  input: AsyncIterable<Buffer | string>,
  option: EncodingOption,
  state: DecodeState,
): AsyncGenerator<string> {
  const it = input[Symbol.asyncIterator]();
  const headChunks: Buffer[] = [];
  let headLength = 0;
  let ended = false;
  while (headLength < SNIFF_BYTES) {
    const next = await it.next();
    if (next.done) {
      ended = true;
      break;
    }
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    headChunks.push(chunk);
    headLength += chunk.length;
  }
  let head = Buffer.concat(headChunks);
  state.bytesRead = head.length;

  let encoding: Encoding;
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) {
    encoding = 'utf-8';
    head = head.subarray(3);
  } else if (head[0] === 0xff && head[1] === 0xfe) {
    encoding = 'utf-16le';
    head = head.subarray(2);
  } else if (head[0] === 0xfe && head[1] === 0xff) {
    encoding = 'utf-16be';
    head = head.subarray(2);
  } else if (option === 'auto') {
    encoding = isUtf8(ended ? head : head.subarray(0, completeUtf8Length(head))) ? 'utf-8' : 'windows-1252';
  } else encoding = option;
  state.encoding = encoding;

  if (encoding === 'utf-8') {
    const utf8 = new Utf8Decoder(option, state.bytesRead - head.length);
    yield utf8.write(head);
    for (;;) {
      const next = await it.next();
      if (next.done) break;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      state.bytesRead += chunk.length;
      yield utf8.write(chunk);
    }
    utf8.end();
    return;
  }
  // Single-byte and UTF-16 decoding cannot fail mid-file the way UTF-8 can; TextDecoder carries split characters.
  const decoder = new TextDecoder(encoding);
  yield decoder.decode(head, { stream: true });
  for (;;) {
    const next = await it.next();
    if (next.done) break;
    const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
    state.bytesRead += chunk.length;
    yield decoder.decode(chunk, { stream: true });
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** UTF-8 decoding that validates with the native checker and can say where the first bad byte is. */
class Utf8Decoder {
  private carry: Buffer = Buffer.alloc(0);
  /** File offset of the first byte of `carry`. */
  private offset: number;

  constructor(
    private readonly option: EncodingOption,
    startOffset: number,
  ) {
    this.offset = startOffset;
  }

  write(chunk: Buffer): string {
    const bytes = this.carry.length > 0 ? Buffer.concat([this.carry, chunk]) : chunk;
    const cut = completeUtf8Length(bytes);
    const whole = bytes.subarray(0, cut);
    if (!isUtf8(whole)) this.fail(this.offset + firstInvalidUtf8(whole));
    this.carry = Buffer.from(bytes.subarray(cut));
    this.offset += cut;
    return whole.toString('utf8');
  }

  end(): void {
    if (this.carry.length > 0) this.fail(this.offset);
  }

  private fail(at: number): never {
    const how =
      this.option === 'auto'
        ? 'The start of the file looked like UTF-8, so it was read as UTF-8'
        : 'The file was read as UTF-8 as asked';
    throw new DomainError(
      'import_bad_file',
      `The file is not valid UTF-8 at byte ${at}. ${how}; if it was exported from a Windows program, import it again with --encoding windows-1252.`,
      { byteOffset: at },
    );
  }
}

/** The length of `buf` without a trailing multi-byte character that the next chunk completes. */
export function completeUtf8Length(buf: Uint8Array): number {
  const n = buf.length;
  for (let back = 1; back <= Math.min(3, n); back++) {
    const b = buf[n - back] ?? 0;
    if ((b & 0xc0) === 0x80) continue; // a continuation byte: keep looking for its lead
    const need = b >= 0xf0 ? 4 : b >= 0xe0 ? 3 : b >= 0xc0 ? 2 : 1;
    return need > back ? n - back : n;
  }
  return n;
}

/** The index of the first byte that is not part of valid UTF-8 (buf.length when all is valid). */
export function firstInvalidUtf8(buf: Uint8Array): number {
  let i = 0;
  while (i < buf.length) {
    const b = buf[i] ?? 0;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) [need, min] = [1, 0x80];
    else if (b >= 0xe0 && b <= 0xef) [need, min] = [2, 0x800];
    else if (b >= 0xf0 && b <= 0xf4) [need, min] = [3, 0x10000];
    else return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = buf[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return buf.length;
}

const CANDIDATES = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof CANDIDATES)[number];

/** The delimiter of a header line: whichever of , ; tab | occurs most outside quotes (comma on a tie). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<string, number>();
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: Delimiter = ',';
  for (const d of CANDIDATES) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/** The first line with content, for delimiter detection. */
export function firstLine(text: string): string {
  for (const line of text.split(/\r?\n/, 50)) if (line.trim() !== '') return line;
  return '';
}
