import { describe, expect, it } from 'vitest';
import type { MergeTag } from '../api/templates.types.ts';
import {
  contactTypeLabel,
  conversionMessages,
  filterMergeTags,
  groupMergeTags,
  normaliseContactType,
  removedSummary,
} from './template-labels.ts';

const tag = (path: string, group: string, en: string, aliases: string[] = []): MergeTag => ({
  path,
  group,
  type: 'text',
  label: { en, fr: en },
  insert: `{{ ${path} }}`,
  sample: 'x',
  aliases,
});

const TAGS = [
  tag('customer.first_name', 'customer', 'First name'),
  tag('vehicle.make', 'vehicle', 'Vehicle make', ['<make>']),
  tag('customer.mailing_name', 'customer', 'Mailing name', ['<Mailing Name>']),
  tag('store.name', 'store', 'Business name'),
];

describe('groupMergeTags', () => {
  it('keeps catalogue order and labels the groups', () => {
    expect(groupMergeTags(TAGS).map((g) => [g.label, g.tags.map((t) => t.path)])).toEqual([
      ['Customer', ['customer.first_name', 'customer.mailing_name']],
      ['Vehicle', ['vehicle.make']],
      ['Signature', ['store.name']],
    ]);
  });
});

describe('filterMergeTags', () => {
  it('matches labels, paths and seed aliases', () => {
    expect(filterMergeTags(TAGS, 'mailing', 'en').map((t) => t.path)).toEqual(['customer.mailing_name']);
    expect(filterMergeTags(TAGS, '<make', 'en').map((t) => t.path)).toEqual(['vehicle.make']);
    expect(filterMergeTags(TAGS, 'STORE.', 'en').map((t) => t.path)).toEqual(['store.name']);
    expect(filterMergeTags(TAGS, '  ', 'en')).toHaveLength(4);
  });
});

describe('contact types', () => {
  it('labels common and custom types', () => {
    expect(contactTypeLabel('no_show')).toBe('No show');
    expect(contactTypeLabel('reminder_1')).toBe('Reminder 1');
    expect(contactTypeLabel('lease_end')).toBe('Lease end');
  });
  it('normalises what is typed to lower_snake_case', () => {
    expect(normaliseContactType(' Lease-End offer ')).toBe('lease_end_offer');
    expect(normaliseContactType('no_show')).toBe('no_show');
  });
});

describe('removedSummary', () => {
  it('says what sanitising removed', () => {
    expect(
      removedSummary([
        { kind: 'element', name: 'script', count: 1 },
        { kind: 'attribute', name: 'onclick', count: 2 },
      ]),
    ).toBe('Removed 1 script, 2 onclick attributes');
    expect(
      removedSummary([
        { kind: 'url', name: 'javascript:', count: 1 },
        { kind: 'css', name: '@import', count: 2 },
        { kind: 'element', name: 'form', count: 2 },
      ]),
    ).toBe('Removed 1 javascript: link, 2 @import rules, 2 forms');
    expect(removedSummary([])).toBeNull();
  });
});

describe('conversionMessages', () => {
  it('says each seed tag once', () => {
    const c = (seed: string, liquid: string) => ({ field: 'body' as const, seed, liquid, line: 1, column: 1 });
    expect(
      conversionMessages([
        c('<Mailing Name>', '{{ customer.mailing_name }}'),
        c('<Mailing Name>', '{{ customer.mailing_name }}'),
        c('<year>', '{{ vehicle.year }}'),
      ]),
    ).toEqual(['Converted <Mailing Name> to {{ customer.mailing_name }}', 'Converted <year> to {{ vehicle.year }}']);
  });
});
