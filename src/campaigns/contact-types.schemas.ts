import { z } from 'zod';
import type { ContactType, RecycleCode } from '../db/schema.ts';

// The contact-type and recycle-code API's request and response shapes, and the presenters that fill them.

const key = z
  .string()
  .regex(/^[a-z0-9_]{1,40}$/, 'Use 1 to 40 lower-case letters, digits or underscores')
  .describe('A fixed identifier batches and templates refer to, e.g. "maintenance"');
const name = z.string().trim().min(1).max(120);
const days = z
  .number()
  .int()
  .min(0)
  .max(3650)
  .describe('Days after such a contact before the customer is eligible again');

export const contactTypeInput = z.object({ key, name, active: z.boolean().optional() });

export const contactTypePatch = z.object({ name, active: z.boolean() }).partial().strict();

export const recycleCodeInput = z.object({
  key,
  name,
  days,
  active: z.boolean().optional(),
  productive: z.boolean().optional().describe('Whether the result means staff actually spoke to the customer'),
});

export const recycleCodePatch = z
  .object({ name, days, active: z.boolean(), productive: z.boolean() })
  .partial()
  .strict();

export const contactTypeSchema = z.object({
  id: z.number(),
  storeId: z.number(),
  key: z.string(),
  name: z.string(),
  active: z.boolean(),
  createdAt: z.string(),
});

export const recycleCodeSchema = contactTypeSchema.extend({ days: z.number(), productive: z.boolean() });

export function presentContactType(t: ContactType): z.infer<typeof contactTypeSchema> {
  return {
    id: t.id,
    storeId: t.store_id,
    key: t.key,
    name: t.name,
    active: t.active,
    createdAt: t.created_at.toISOString(),
  };
}

export function presentRecycleCode(c: RecycleCode): z.infer<typeof recycleCodeSchema> {
  return {
    id: c.id,
    storeId: c.store_id,
    key: c.key,
    name: c.name,
    days: c.days,
    active: c.active,
    productive: c.productive,
    createdAt: c.created_at.toISOString(),
  };
}
