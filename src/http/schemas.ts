import { z } from 'zod';

/** Shared request/response pieces used by several route files. */
export const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

export const idParam = (name: string) => z.object({ [name]: z.coerce.number().int().positive() });

export const storeSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  country: z.string(),
  timeZone: z.string(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  ownerName: z.string().nullable(),
  feedbackUrl: z.string().nullable(),
  address: z.string().nullable(),
});

/** The error responses a store-scoped route can give, for its OpenAPI entry (one body shape for all). */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  422: errorSchema,
};
