import type { SmsFigures } from '../api/templates.types.ts';

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-CA')} ${n === 1 ? one : many}`;

/** "GSM-7 · 142 characters · 1 segment". */
export function smsCounterLabel(figures: SmsFigures): string {
  return [
    figures.encoding,
    plural(figures.characters, 'character', 'characters'),
    plural(figures.segments, 'segment', 'segments'),
  ].join(' · ');
}

/** Characters one message holds: alone (one segment) and when split (per segment of several). */
export const SEGMENT_SIZES: Record<SmsFigures['encoding'], { single: number; multi: number }> = {
  'GSM-7': { single: 160, multi: 153 },
  'UCS-2': { single: 70, multi: 67 },
};

export type SmsCounterTone = 'ok' | 'warning';

/** UCS-2 and multi-part texts cost more: both deserve a second look. */
export function smsCounterTone(figures: SmsFigures): SmsCounterTone {
  return figures.encoding === 'UCS-2' || figures.segments > 1 ? 'warning' : 'ok';
}

/** A sentence on why the counter is orange, or null when there is nothing to say. */
export function smsCounterAdvice(figures: SmsFigures): string | null {
  const size = SEGMENT_SIZES[figures.encoding];
  if (figures.encoding === 'UCS-2')
    return (
      `A character outside the GSM-7 alphabet (a smart quote, an emoji, some accented letters) makes the whole text ` +
      `UCS-2: ${size.single} characters fit in one message, ${size.multi} per segment when split.`
    );
  if (figures.segments > 1)
    return `Over ${size.single} characters the text is sent in ${figures.segments} parts of up to ${size.multi} characters, each billed as one message.`;
  return null;
}
