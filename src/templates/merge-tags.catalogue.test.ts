import { describe, expect, it } from 'vitest';
import { MERGE_TAGS, liquidForSeedTag, mergeTag, tagPickerGroups } from './merge-tags.catalogue.ts';
import { buildMergeContext, sampleMergeInput } from './merge-context.ts';

const lookup = (scope: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>((o, k) => (typeof o === 'object' && o !== null ? Reflect.get(o, k) : undefined), scope);

describe('merge-tag catalogue', () => {
  it('has unique paths, both labels and a sample for every tag', () => {
    expect(new Set(MERGE_TAGS.map((t) => t.path)).size).toBe(MERGE_TAGS.length);
    for (const t of MERGE_TAGS) {
      expect(t.label.en).not.toBe('');
      expect(t.label.fr).not.toBe('');
      expect(t.insert).toMatch(/^\{\{ .+ \}\}$/);
    }
  });

  it('covers the issue’s tags', () => {
    for (const p of [
      'customer.first_name',
      'customer.mailing_name',
      'vehicle.plate',
      'store.feedback_url',
      'appointment.date',
      'appointment.time',
      'visit.date',
      'deferred_items',
      'salesperson.name',
      'unsubscribe_url',
    ])
      expect(mergeTag(p), p).toBeDefined();
  });

  it('agrees with the merge context: every path holds its sample in the sample context', () => {
    const scope = buildMergeContext(sampleMergeInput());
    for (const t of MERGE_TAGS) expect(lookup(scope, t.path), t.path).toEqual(t.sample);
  });

  it('maps the seed’s tags, in any case and spacing', () => {
    expect(liquidForSeedTag('<Mailing Name>')).toBe('{{ customer.mailing_name }}');
    expect(liquidForSeedTag('<mailing  NAME>')).toBe('{{ customer.mailing_name }}');
    expect(liquidForSeedTag('<appointment date>')).toBe('{{ appointment.date | date_long }}');
    expect(liquidForSeedTag('<phone>')).toBe('{{ store.phone | phone }}');
    expect(liquidForSeedTag('<deferred item 1>')).toBe('{{ deferred_items[0] }}');
    expect(liquidForSeedTag('<deferred item 3>')).toBe('{{ deferred_items[2] }}');
    expect(liquidForSeedTag('<URL / Email Feedback>')).toBe('{{ store.feedback_url }}');
    expect(liquidForSeedTag('<Business Owner>')).toBe('{{ store.owner_name }}');
    expect(liquidForSeedTag('<unknown thing>')).toBeUndefined();
  });

  it('gives the picker grouped, labelled lists in each language', () => {
    const en = tagPickerGroups('en');
    const fr = tagPickerGroups('fr');
    expect(en.map((g) => g.group)).toEqual([
      'customer',
      'vehicle',
      'store',
      'appointment',
      'visit',
      'salesperson',
      'message',
    ]);
    expect(en.flatMap((g) => g.tags).length).toBe(MERGE_TAGS.length);
    expect(fr[0]?.label).toBe('Client');
    expect(fr[0]?.tags[0]).toMatchObject({
      path: 'customer.first_name',
      label: 'Prénom',
      insert: '{{ customer.first_name }}',
    });
  });
});
