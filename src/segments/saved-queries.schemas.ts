import { z } from 'zod';
import type { SavedQuery } from '../db/schema.ts';
import { FIELDS, TYPE_NAMES, type FieldDefinition, type FieldKey } from './fields.catalogue.ts';

// The saved-queries API's request and response shapes, and the presenters that fill them.

const label = z.object({ en: z.string(), fr: z.string() });

export const fieldSchema = z.object({
  key: z.string(),
  group: z.string(),
  label,
  help: label.nullable(),
  type: z.enum(['text', 'enum', 'number', 'date', 'days_ago', 'boolean']),
  typeName: z.string(),
  operators: z.array(z.string()),
  values: z.array(z.object({ value: z.string(), label })).nullable(),
  integer: z.boolean().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  unit: z.enum(['days', 'km', 'money']).nullable(),
});

// The catalogue says what a number is bounded by, not what it measures; the builder shows this beside the input.
const UNITS: Partial<Record<FieldKey, 'km' | 'money'>> = {
  'vehicle.odometer': 'km',
  'visit.total_labour': 'money',
};

export function presentField(f: FieldDefinition): z.infer<typeof fieldSchema> {
  return {
    key: f.key,
    group: f.entity,
    label: { ...f.label },
    help: f.help ? { ...f.help } : null,
    type: f.type,
    typeName: TYPE_NAMES[f.type],
    operators: [...f.operators],
    values: f.type === 'enum' ? f.values.map((v) => ({ value: v.value, label: { ...v.label } })) : null,
    integer: f.type === 'number' ? f.integer : f.type === 'days_ago' ? true : null,
    min: f.type === 'number' ? f.min : null,
    max: f.type === 'number' ? f.max : null,
    unit: f.type === 'days_ago' ? 'days' : (UNITS[f.key] ?? null),
  };
}

export const presentCatalogue = () => FIELDS.map(presentField);

/** The tree is checked by assertValidFilter (a 422 with each problem's path), not by the body schema. */
const filter = z.unknown().describe('A filter tree { op: "and" | "or", rules: [...] }; see GET /api/segment-fields');
const name = z.string().trim().min(1).max(120);
const description = z.string().trim().max(2000).nullable().optional();

export const queryInput = z.object({ name, description, filter });

export const queryPatch = z
  .object({ name, description, filter: filter.optional(), archived: z.boolean() })
  .partial()
  .strict();

export const previewInput = z.object({
  filter,
  at: z.iso.datetime({ offset: true }).optional().describe('The as-of time (default: now)'),
  sampleSize: z.number().int().min(1).max(50).optional(),
});

export const previewResponse = z.object({
  count: z.number(),
  sample: z.array(
    z.object({ id: z.number(), name: z.string(), city: z.string().nullable(), lastServiceOn: z.string().nullable() }),
  ),
});

export const querySummary = z.object({
  id: z.number(),
  storeId: z.number(),
  name: z.string(),
  description: z.string().nullable(),
  archived: z.boolean(),
  updatedAt: z.string(),
});

export const queryDetail = querySummary.extend({
  filter: z.unknown(),
  createdBy: z.number().nullable(),
  updatedBy: z.number().nullable(),
  createdAt: z.string(),
});

export function presentSummary(q: Omit<SavedQuery, 'filter'>): z.infer<typeof querySummary> {
  return {
    id: q.id,
    storeId: q.store_id,
    name: q.name,
    description: q.description,
    archived: q.archived,
    updatedAt: q.updated_at.toISOString(),
  };
}

export function presentDetail(q: SavedQuery): z.infer<typeof queryDetail> {
  return {
    ...presentSummary(q),
    filter: q.filter,
    createdBy: q.created_by,
    updatedBy: q.updated_by,
    createdAt: q.created_at.toISOString(),
  };
}
