/** Small but real audio files for tests: what a probe reads from bytes, with no encoder at hand. */

/** A mono 16-bit PCM WAV of `seconds` of silence. */
export function wavBytes(seconds: number, sampleRate = 8000): Buffer {
  const samples = Math.round(seconds * sampleRate);
  const b = Buffer.alloc(44 + samples * 2);
  b.write('RIFF', 0);
  b.writeUInt32LE(36 + samples * 2, 4);
  b.write('WAVE', 8);
  b.write('fmt ', 12);
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20); // PCM
  b.writeUInt16LE(1, 22); // mono
  b.writeUInt32LE(sampleRate, 24);
  b.writeUInt32LE(sampleRate * 2, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36);
  b.writeUInt32LE(samples * 2, 40);
  return b;
}

/** An MPEG-1 Layer III stream (128 kbit/s, 44.1 kHz) of `seconds`: frame headers over silent frames. */
export function mp3Bytes(seconds: number): Buffer {
  const frameSeconds = 1152 / 44_100;
  const frames = Math.round(seconds / frameSeconds);
  const frameBytes = 417; // 144 * 128000 / 44100, without padding
  const b = Buffer.alloc(frames * frameBytes);
  for (let i = 0; i < frames; i++) {
    const at = i * frameBytes;
    b[at] = 0xff;
    b[at + 1] = 0xfb; // MPEG-1, Layer III, no CRC
    b[at + 2] = 0x90; // 128 kbit/s, 44.1 kHz, no padding
    b[at + 3] = 0xc4; // mono
  }
  return b;
}
