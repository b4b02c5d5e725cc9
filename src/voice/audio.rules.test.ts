import { describe, expect, it } from 'vitest';
import { audioProblems } from './audio.rules.ts';

const wav = { format: 'wav' as const, found: 'WAVE / PCM', durationMs: 20_000, sizeBytes: 320_000 };

describe('audioProblems', () => {
  it('accepts a WAV or MP3 of a usable length and size', () => {
    expect(audioProblems(wav)).toEqual([]);
    expect(audioProblems({ ...wav, format: 'mp3', found: 'MPEG / MPEG 1 Layer 3' })).toEqual([]);
  });

  it('says why a file cannot be used', () => {
    expect(audioProblems({ ...wav, sizeBytes: 0 })).toEqual(['The file is empty.']);
    expect(audioProblems({ ...wav, sizeBytes: 6 * 1024 * 1024 })).toEqual([
      'The file is 6.0 MB; recordings may be at most 5.0 MB.',
    ]);
    expect(audioProblems({ format: null, found: null, durationMs: null, sizeBytes: 100 })).toEqual([
      'This is not an audio file. Upload a WAV or MP3 recording.',
    ]);
    expect(audioProblems({ format: null, found: 'Ogg / Opus', durationMs: 10_000, sizeBytes: 100 })).toEqual([
      'This is Ogg / Opus audio; upload a WAV or MP3 recording.',
    ]);
    expect(audioProblems({ ...wav, durationMs: 1_500 })).toEqual([
      'The recording lasts 1.5 s; it must last at least 3 s.',
    ]);
    expect(audioProblems({ ...wav, durationMs: 121_000 })).toEqual([
      'The recording lasts 121 s; voicemail drops may last at most 120 s.',
    ]);
  });
});
