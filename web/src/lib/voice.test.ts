import { describe, expect, it } from 'vitest';
import {
  durationLabel,
  AUDIO_HINT,
  audioContentType,
  callerIdLabel,
  fileTooBig,
  formatCallerIdName,
  formatCallerNumber,
  formatDuration,
  formatSize,
  recordingLabel,
  recordingNameFromFile,
} from './voice.ts';

describe('formatDuration', () => {
  it('shows m:ss to the nearest second', () => {
    expect(formatDuration(10_000)).toBe('0:10');
    expect(formatDuration(9_600)).toBe('0:10');
    expect(formatDuration(3_000)).toBe('0:03');
    expect(formatDuration(95_400)).toBe('1:35');
    expect(formatDuration(120_000)).toBe('2:00');
    expect(formatDuration(0)).toBe('0:00');
  });
});

describe('formatSize', () => {
  it('uses B, KB and MB', () => {
    expect(formatSize(900)).toBe('900 B');
    expect(formatSize(160_044)).toBe('156 KB');
    expect(formatSize(1_572_864)).toBe('1.5 MB');
    expect(formatSize(5 * 1024 * 1024)).toBe('5.0 MB');
  });

  it('says when a file is over the limit', () => {
    expect(fileTooBig(5 * 1024 * 1024)).toBeNull();
    expect(fileTooBig(12 * 1024 * 1024)).toBe('The file is 12.0 MB; recordings may be at most 5.0 MB.');
    expect(AUDIO_HINT).toBe('WAV or MP3, 3 s to 2 min, at most 5.0 MB.');
  });
});

describe('recordingNameFromFile', () => {
  it('drops the extension and any folder', () => {
    expect(recordingNameFromFile('Service reminder.wav')).toBe('Service reminder');
    expect(recordingNameFromFile('spring.promo.final.mp3')).toBe('spring.promo.final');
    expect(recordingNameFromFile('C:\\fakepath\\hello.WAV')).toBe('hello');
    expect(recordingNameFromFile('.wav')).toBe('.wav');
    expect(recordingNameFromFile('noext')).toBe('noext');
  });
});

describe('audioContentType', () => {
  it('keeps a type the server takes', () => {
    expect(audioContentType('a.wav', 'audio/wav')).toBe('audio/wav');
    expect(audioContentType('a.wav', 'audio/x-wav')).toBe('audio/x-wav');
    expect(audioContentType('a.mp3', 'audio/mpeg')).toBe('audio/mpeg');
  });

  it('falls back by extension, WAV otherwise', () => {
    expect(audioContentType('a.mp3', '')).toBe('audio/mpeg');
    expect(audioContentType('A.MP3', 'application/octet-stream')).toBe('audio/mpeg');
    expect(audioContentType('a.wav', '')).toBe('audio/wav');
    expect(audioContentType('letter.pdf', 'application/pdf')).toBe('audio/wav');
    expect(audioContentType('a.ogg', 'audio/ogg')).toBe('audio/wav');
  });
});

describe('caller IDs and recordings in lists', () => {
  it('shows North American numbers as +1 416-555-0100', () => {
    expect(formatCallerNumber('+14165550100')).toBe('+1 416-555-0100');
    expect(formatCallerNumber('+442071234567')).toBe('+442071234567');
    expect(callerIdLabel({ label: 'Service desk', number: '+14165550100', active: true })).toBe(
      'Service desk · +1 416-555-0100',
    );
    expect(formatCallerIdName('Service desk (+14165550100)')).toBe('Service desk (+1 416-555-0100)');
    expect(callerIdLabel({ label: 'Old', number: '+14165550101', active: false })).toBe('Old · +1 416-555-0101 (off)');
  });

  it('names a recording with its length', () => {
    expect(recordingLabel({ name: 'Hello', durationMs: 12_000, active: true })).toBe('Hello (0:12)');
    expect(recordingLabel({ name: 'Old', durationMs: 61_000, active: false })).toBe('Old (1:01) (off)');
  });
});

describe('durationLabel', () => {
  it('reads seconds, minutes and hours', () => {
    expect(durationLabel(45_200)).toBe('45 s');
    expect(durationLabel(125_000)).toBe('2 min 05 s');
    expect(durationLabel(3_720_000)).toBe('1 h 02 min');
  });
});
