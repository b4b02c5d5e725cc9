import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { CustomerUpdate, Database } from '../db/schema.ts';
import { principalOf } from '../http/principal.ts';
import { errorSchema } from '../http/schemas.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { findCustomer } from './customers.store.ts';

export const contactMethodsSchema = z.object({
  mailOn: z.boolean(),
  homePhoneOn: z.boolean(),
  workPhoneOn: z.boolean(),
  cellPhoneOn: z.boolean(),
  emailOn: z.boolean(),
  doNotMail: z.boolean(),
  caslOptOut: z.boolean(),
  preferredContactMethod: z.enum(['mail', 'home_phone', 'work_phone', 'cell_phone', 'email']).nullable(),
});

const COLUMNS = {
  mailOn: 'mail_on',
  homePhoneOn: 'home_phone_on',
  workPhoneOn: 'work_phone_on',
  cellPhoneOn: 'cell_phone_on',
  emailOn: 'email_on',
  doNotMail: 'do_not_mail',
  caslOptOut: 'casl_opt_out',
  preferredContactMethod: 'preferred_contact_method',
} as const;

/** The contact-method switches (green tick / red X), Do Not Mail, CASL opt-out and the preferred method. */
export function contactMethodsRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }) {
  app.withTypeProvider<ZodTypeProvider>().patch(
    '/api/customers/:customerId/contact-methods',
    {
      schema: {
        tags: ['customers'],
        summary: 'Turn contact methods on or off, set Do Not Mail / CASL opt-out and the preferred method (audited)',
        params: z.object({ customerId: z.coerce.number().int().positive() }),
        body: contactMethodsSchema.partial().strict(),
        response: { 200: contactMethodsSchema, 400: errorSchema, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      const customer = await findCustomer(deps.db, principal.storeIds, req.params.customerId);
      if (!customer) throw notFound('Customer');
      const changes = Object.entries(req.body).filter(([, v]) => v !== undefined);
      if (changes.length === 0)
        throw new DomainError('invalid_input', `Send at least one of: ${Object.keys(COLUMNS).join(', ')}.`);
      const now = deps.clock.now();
      const set: CustomerUpdate = { updated_at: now };
      const before: Record<string, unknown> = {};
      for (const [key, value] of changes) {
        const column = COLUMNS[key as keyof typeof COLUMNS];
        before[key] = customer[column];
        Object.assign(set, { [column]: value });
      }
      const updated = await deps.db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('customers')
          .set(set)
          .where('id', '=', customer.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('audit_log')
          .values({
            store_id: customer.store_id,
            user_id: principal.user.id,
            action: 'customer.contact_methods_changed',
            subject_type: 'customer',
            subject_id: customer.id,
            details: JSON.stringify({ before, after: Object.fromEntries(changes) }),
            created_at: now,
          })
          .execute();
        return row;
      });
      return {
        mailOn: updated.mail_on,
        homePhoneOn: updated.home_phone_on,
        workPhoneOn: updated.work_phone_on,
        cellPhoneOn: updated.cell_phone_on,
        emailOn: updated.email_on,
        doNotMail: updated.do_not_mail,
        caslOptOut: updated.casl_opt_out,
        preferredContactMethod: updated.preferred_contact_method,
      };
    },
  );
}
