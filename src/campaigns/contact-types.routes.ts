import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { principalOf, requireRole, requireStore } from '../http/principal.ts';
import { errorResponses } from '../http/schemas.ts';
import { notFound } from '../shared/errors.ts';
import type { ContactTypesService } from './contact-types.service.ts';
import {
  contactTypeInput,
  contactTypePatch,
  contactTypeSchema,
  presentContactType,
  presentRecycleCode,
  recycleCodeInput,
  recycleCodePatch,
  recycleCodeSchema,
} from './contact-types.schemas.ts';
import { findContactType, findRecycleCode, listContactTypes, listRecycleCodes } from './contact-types.store.ts';

const storeParams = z.object({ storeId: z.coerce.number().int().positive() });
const contactTypeParams = z.object({ contactTypeId: z.coerce.number().int().positive() });
const recycleCodeParams = z.object({ recycleCodeId: z.coerce.number().int().positive() });
const errors = errorResponses;

/** Contact types and recycle codes ("Recycle Setup"): the configuration batch schedules choose from. */
export function contactTypesRoutes(
  app: FastifyInstance,
  deps: { db: Kysely<Database>; contacts: ContactTypesService },
) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db, contacts } = deps;

  r.get(
    '/api/stores/:storeId/contact-types',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'A store’s contact types, active and inactive',
        params: storeParams,
        response: { 200: z.object({ contactTypes: z.array(contactTypeSchema) }), ...errors },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      return { contactTypes: (await listContactTypes(db, req.params.storeId)).map(presentContactType) };
    },
  );

  r.post(
    '/api/stores/:storeId/contact-types',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Add a contact type (managers and administrators); a key the store already uses is a 409',
        params: storeParams,
        body: contactTypeInput,
        response: { 201: contactTypeSchema, ...errors },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      const row = await contacts.createContactType(req.params.storeId, req.body, { userId: principal.user.id });
      return reply.status(201).send(presentContactType(row));
    },
  );

  r.patch(
    '/api/contact-types/:contactTypeId',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Rename, deactivate or reactivate a contact type (managers and administrators); the key is fixed',
        params: contactTypeParams,
        body: contactTypePatch,
        response: { 200: contactTypeSchema, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      // Existence first, so another store's id is a 404 whatever the caller's role.
      if (!(await findContactType(db, req.params.contactTypeId, principal.storeIds))) throw notFound('Contact type');
      requireRole(principal, 'admin', 'manager');
      const row = await contacts.updateContactType(req.params.contactTypeId, principal.storeIds, req.body, {
        userId: principal.user.id,
      });
      return presentContactType(row);
    },
  );

  r.get(
    '/api/stores/:storeId/recycle-codes',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'A store’s recycle codes with their days, active and productive flags',
        params: storeParams,
        response: { 200: z.object({ recycleCodes: z.array(recycleCodeSchema) }), ...errors },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      return { recycleCodes: (await listRecycleCodes(db, req.params.storeId)).map(presentRecycleCode) };
    },
  );

  r.post(
    '/api/stores/:storeId/recycle-codes',
    {
      schema: {
        tags: ['campaigns'],
        summary: 'Add a recycle code (managers and administrators); a key the store already uses is a 409',
        params: storeParams,
        body: recycleCodeInput,
        response: { 201: recycleCodeSchema, ...errors },
      },
    },
    async (req, reply) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      const row = await contacts.createRecycleCode(req.params.storeId, req.body, { userId: principal.user.id });
      return reply.status(201).send(presentRecycleCode(row));
    },
  );

  r.patch(
    '/api/recycle-codes/:recycleCodeId',
    {
      schema: {
        tags: ['campaigns'],
        summary:
          'Edit a recycle code’s name, days, active or productive flag (managers and administrators); the key is fixed',
        params: recycleCodeParams,
        body: recycleCodePatch,
        response: { 200: recycleCodeSchema, ...errors },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      if (!(await findRecycleCode(db, req.params.recycleCodeId, principal.storeIds))) throw notFound('Recycle code');
      requireRole(principal, 'admin', 'manager');
      const row = await contacts.updateRecycleCode(req.params.recycleCodeId, principal.storeIds, req.body, {
        userId: principal.user.id,
      });
      return presentRecycleCode(row);
    },
  );
}
