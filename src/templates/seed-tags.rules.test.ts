import { describe, expect, it } from 'vitest';
import { convertSeedTags } from './seed-tags.rules.ts';

describe('convertSeedTags', () => {
  it('converts the seed letter’s tags to Liquid', () => {
    const r = convertSeedTags('Dear <Mailing Name>\nRe: <year> <make> <model> License <plate>\n<appointment date>');
    expect(r.text).toBe(
      'Dear {{ customer.mailing_name }}\nRe: {{ vehicle.year }} {{ vehicle.make }} {{ vehicle.model }} License {{ vehicle.plate }}\n{{ appointment.date | date_long }}',
    );
    expect(r.unknown).toEqual([]);
    expect(r.converted[0]).toEqual({
      seed: '<Mailing Name>',
      liquid: '{{ customer.mailing_name }}',
      line: 1,
      column: 6,
    });
    expect(r.converted.at(-1)).toMatchObject({ seed: '<appointment date>', line: 3, column: 1 });
  });

  it('is case-insensitive and converts deferred items, feedback and signature', () => {
    const r = convertSeedTags(
      '<MAILING NAME> <deferred item 2> <URL / Email Feedback> <Business Owner> <business name> <email>',
    );
    expect(r.text).toBe(
      '{{ customer.mailing_name }} {{ deferred_items[1] }} {{ store.feedback_url }} {{ store.owner_name }} {{ store.name }} {{ store.email }}',
    );
  });

  it('leaves real HTML alone', () => {
    const html =
      '<p>Hi <b>there</b><br/><a href="https://x.example">link</a><a href>x</a><!-- c --></p><img src="a.png" />';
    const r = convertSeedTags(html);
    expect(r.text).toBe(html);
    expect(r.unknown).toEqual([]);
    expect(r.converted).toEqual([]);
  });

  it('converts tags inside HTML and HTML-escaped tags pasted into an editor', () => {
    expect(convertSeedTags('<p>Dear <Mailing Name>,</p>').text).toBe('<p>Dear {{ customer.mailing_name }},</p>');
    expect(convertSeedTags('<p>Dear &lt;Mailing Name&gt;,</p>').text).toBe('<p>Dear {{ customer.mailing_name }},</p>');
  });

  it('reports unknown merge-field-like tags and keeps them in place', () => {
    const r = convertSeedTags('Hello <Customer Number>\nodo <odometer> <p> <time of day>');
    expect(r.text).toBe('Hello <Customer Number>\nodo <odometer> <p> <time of day>');
    expect(r.unknown).toEqual([
      { seed: '<Customer Number>', line: 1, column: 7 },
      { seed: '<odometer>', line: 2, column: 5 },
      { seed: '<time of day>', line: 2, column: 20 },
    ]);
  });

  it('ignores comparisons and other angle brackets that are not tags', () => {
    const r = convertSeedTags('if a < b and c > d, 3<4');
    expect(r.unknown).toEqual([]);
  });
});
