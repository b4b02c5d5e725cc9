import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { principalOf, requireStore } from '../http/principal.ts';
import { errorSchema } from '../http/schemas.ts';
import type { Clock } from '../shared/clock.ts';
import { notFound } from '../shared/errors.ts';
import { contactMethodsSchema } from './contact-methods.routes.ts';
import { presentListRow, presentProfile } from './customers.presenter.ts';
import { findCustomer, loadProfile, searchCustomers } from './customers.store.ts';
import { parseSearch } from './search.rules.ts';

const vehicleBrief = z.object({
  year: z.number().nullable(),
  make: z.string().nullable(),
  model: z.string().nullable(),
  plate: z.string().nullable(),
  vin: z.string(),
});
const listRow = z.object({
  id: z.number(),
  storeId: z.number(),
  dmsCustomerNumber: z.string(),
  displayName: z.string(),
  customerType: z.string(),
  isProspect: z.boolean(),
  cellPhone: z.string().nullable(),
  homePhone: z.string().nullable(),
  workPhone: z.string().nullable(),
  email: z.string().nullable(),
  city: z.string().nullable(),
  vehicles: z.array(vehicleBrief),
});

const nul = <T extends z.ZodType>(t: T) => t.nullable();
const profile = z.object({
  customer: z.object({
    id: z.number(),
    storeId: z.number(),
    dmsCustomerNumber: z.string(),
    displayName: z.string(),
    name: nul(z.string()),
    firstName: nul(z.string()),
    lastName: nul(z.string()),
    otherName: nul(z.string()),
    contactName: nul(z.string()),
    mailingName: nul(z.string()),
    addressTo: nul(z.string()),
    dateOfBirth: nul(z.string()),
    address: z.object({
      line1: nul(z.string()),
      line2: nul(z.string()),
      city: nul(z.string()),
      region: nul(z.string()),
      postalCode: nul(z.string()),
      country: nul(z.string()),
    }),
    homePhone: nul(z.string()),
    workPhone: nul(z.string()),
    cellPhone: nul(z.string()),
    email: nul(z.string()),
    language: nul(z.string()),
    customerType: z.enum(['retail', 'fleet']),
    isProspect: z.boolean(),
    prospectEnteredBy: nul(z.string()),
    dayPreference: nul(z.enum(['day', 'late_day'])),
    likelyToBuy: nul(z.number()),
    starRating: nul(z.number()),
    lastVerifiedAt: nul(z.string()),
    preferredContactMethod: nul(z.enum(['mail', 'home_phone', 'work_phone', 'cell_phone', 'email'])),
    inquired: z.boolean(),
    eserviceUser: z.boolean(),
    salesperson: nul(
      z.object({
        id: z.number(),
        name: z.string(),
        source: z.enum(['deal', 'reassignment', 'activity']),
        since: z.string(),
      }),
    ),
    totalLabourSales: z.number(),
    contactMethods: contactMethodsSchema,
  }),
  vehicles: z.array(
    z.object({
      id: z.number(),
      vin: z.string(),
      year: nul(z.number()),
      make: nul(z.string()),
      model: nul(z.string()),
      subModel: nul(z.string()),
      engine: nul(z.string()),
      plate: nul(z.string()),
      plateRegion: nul(z.string()),
      odometer: nul(z.number()),
      contactOff: z.boolean(),
      contactOffReason: nul(z.enum(['user', 'body_shop'])),
    }),
  ),
  visits: z.array(
    z.object({
      id: z.number(),
      roNumber: z.string(),
      date: z.string(),
      department: z.string(),
      vehicleId: nul(z.number()),
      odometer: nul(z.number()),
      labourTotal: z.number(),
      partsTotal: z.number(),
      description: nul(z.string()),
      deferredItems: z.array(z.string()),
    }),
  ),
  appointments: z.array(
    z.object({
      id: z.number(),
      number: z.string(),
      scheduledAt: z.string(),
      status: z.string(),
      vehicleId: nul(z.number()),
      notes: nul(z.string()),
    }),
  ),
  deals: z.array(
    z.object({
      id: z.number(),
      dealNumber: z.string(),
      soldOn: z.string(),
      saleType: nul(z.string()),
      salesperson: nul(z.string()),
      vehicle: nul(z.string()),
    }),
  ),
});

export function customersRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/stores/:storeId/customers',
    {
      schema: {
        tags: ['customers'],
        summary: 'Search a store’s customers by name, phone, e-mail, DMS number, VIN or plate',
        params: z.object({ storeId: z.coerce.number().int().positive() }),
        querystring: z.object({
          q: z.string().max(200).default(''),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: z.object({ customers: z.array(listRow) }), 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      const rows = await searchCustomers(
        deps.db,
        req.params.storeId,
        parseSearch(req.query.q),
        req.query.limit,
        req.query.offset,
      );
      return { customers: rows.map(presentListRow) };
    },
  );

  r.get(
    '/api/customers/:customerId',
    {
      schema: {
        tags: ['customers'],
        summary: 'The customer profile: contact details, ratings, salesperson, vehicles, visits, appointments, deals',
        params: z.object({ customerId: z.coerce.number().int().positive() }),
        response: { 200: profile, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const customer = await findCustomer(deps.db, principalOf(req).storeIds, req.params.customerId);
      if (!customer) throw notFound('Customer');
      return presentProfile(await loadProfile(deps.db, customer));
    },
  );
}
