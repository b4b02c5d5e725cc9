import { parseBuffer } from 'music-metadata';
import type { AudioFacts, AudioFormat } from './audio.rules.ts';

/** Reads an upload's real format and length from its bytes (never trusting the name or Content-Type). */
export async function probeAudio(bytes: Buffer): Promise<AudioFacts> {
  const sizeBytes = bytes.length;
  if (sizeBytes === 0) return { format: null, found: null, durationMs: null, sizeBytes };
  try {
    const { format } = await parseBuffer(bytes, undefined, { duration: true, skipCovers: true });
    const container = (format.container ?? '').toUpperCase();
    const codec = (format.codec ?? '').toUpperCase();
    const found = [format.container, format.codec].filter(Boolean).join(' / ') || null;
    let kind: AudioFormat | null = null;
    if (container === 'WAVE') kind = 'wav';
    else if (container === 'MPEG' && codec.includes('LAYER 3')) kind = 'mp3';
    return {
      format: kind,
      found,
      durationMs: format.duration ? Math.round(format.duration * 1000) : null,
      sizeBytes,
    };
  } catch {
    return { format: null, found: null, durationMs: null, sizeBytes };
  }
}

export const AUDIO_MIME: Record<AudioFormat, string> = { wav: 'audio/wav', mp3: 'audio/mpeg' };
