import { describe, expect, it } from 'vitest';
import { TEXT_WIDTH } from './email-compose.ts';
import { tidyLine, tidyText } from './email-text.ts';

/** tidyLine as first written (split into words, join them again): the reference. */
function referenceTidyLine(line: string): string {
  const SPACE = '[ \\t\\r\\f\\u200b]';
  const prefix = /^(?: \* | {3})/.exec(line)?.[0] ?? '';
  const rest = line.slice(prefix.length);
  const width = Math.max(20, TEXT_WIDTH - prefix.length);
  if (rest.length <= width && !new RegExp(`^${SPACE}|${SPACE}$|${SPACE}{2}|[\\t\\r\\f\\u200b]`).test(rest)) return line;
  const words = rest.split(new RegExp(`${SPACE}+`)).filter((w) => w !== '');
  if (words.length === 0) return '';
  const indent = ' '.repeat(prefix.length);
  const out: string[] = [];
  let current = '';
  for (const word of words) {
    if (current !== '' && current.length + 1 + word.length > width) {
      out.push(current);
      current = word;
    } else current = current === '' ? word : `${current} ${word}`;
  }
  out.push(current);
  return out.map((l, i) => (i === 0 ? prefix : indent) + l).join('\n');
}

// A small deterministic generator, so a failure can be replayed.
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) & 0x7fffffff;
    return s / 0x7fffffff;
  };
}

describe('tidyLine', () => {
  it('wraps as the word-splitting reference does', () => {
    const rnd = random(42);
    const pieces = [' ', ' ', ' ', '  ', '\t', '\u200b', '\u00a0', ' * ', '   ', 'é', '{{'];
    const word = () => 'abcdefghijklmnopqrstuvwxyz'.slice(0, 1 + Math.floor(rnd() * (rnd() < 0.05 ? 26 : 9)));
    for (let n = 0; n < 20_000; n++) {
      const tidy = rnd() < 0.7;
      let line = rnd() < 0.2 ? ' * ' : rnd() < 0.1 ? '   ' : '';
      const words = Math.floor(rnd() * 60);
      for (let w = 0; w < words; w++) {
        if (w > 0) line += tidy ? ' ' : (pieces[Math.floor(rnd() * pieces.length)] ?? ' ');
        line += rnd() < 0.02 ? 'x'.repeat(70 + Math.floor(rnd() * 30)) : word();
      }
      if (!tidy && rnd() < 0.3) line = ` ${line} `;
      expect(tidyLine(line), JSON.stringify(line)).toBe(referenceTidyLine(line));
    }
  });

  it('leaves short tidy lines alone and wraps long ones at the width', () => {
    expect(tidyLine('Hello there')).toBe('Hello there');
    const long = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');
    const wrapped = tidyLine(long).split('\n');
    expect(wrapped.every((l) => l.length <= TEXT_WIDTH)).toBe(true);
    expect(wrapped.join(' ')).toBe(long);
    expect(tidyLine(` * ${long}`).split('\n').slice(1)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^ {3}\S/)]),
    );
    expect(tidyText(`\n\n${long}\n\n\n\nEnd\n`, true)).toBe(`${tidyLine(long)}\n\nEnd`);
  });
});
