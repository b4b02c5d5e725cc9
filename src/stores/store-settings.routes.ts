import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../db/schema.ts';
import { principalOf, requireRole, requireStore } from '../http/principal.ts';
import { errorSchema } from '../http/schemas.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { presentSettings, settingsUpdate, storeSettingsSchema } from './store-settings.ts';

const settingsResponse = storeSettingsSchema.extend({ id: z.number(), code: z.string() });

/** A store's signature (used in e-mails and letters), its send window and its reachability limits. */
export function storeSettingsRoutes(app: FastifyInstance, deps: { db: Kysely<Database>; clock: Clock }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const params = z.object({ storeId: z.coerce.number().int().positive() });

  r.get(
    '/api/stores/:storeId/settings',
    {
      schema: {
        tags: ['stores'],
        summary: 'A store’s settings: signature, time zone, send window, bounce and blocking limits',
        params,
        response: { 200: settingsResponse, 401: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      requireStore(principalOf(req), req.params.storeId);
      const store = await deps.db
        .selectFrom('stores')
        .selectAll()
        .where('id', '=', req.params.storeId)
        .executeTakeFirstOrThrow();
      return presentSettings(store);
    },
  );

  r.patch(
    '/api/stores/:storeId/settings',
    {
      schema: {
        tags: ['stores'],
        summary: 'Change a store’s settings (administrators and the store’s managers; audited)',
        params,
        body: storeSettingsSchema.partial().strict(),
        response: { 200: settingsResponse, 400: errorSchema, 401: errorSchema, 403: errorSchema, 404: errorSchema },
      },
    },
    async (req) => {
      const principal = principalOf(req);
      requireStore(principal, req.params.storeId);
      requireRole(principal, 'admin', 'manager');
      const update = settingsUpdate(req.body);
      if (Object.keys(update).length === 0) {
        throw new DomainError(
          'invalid_input',
          `Send at least one of: ${Object.keys(storeSettingsSchema.shape).join(', ')}.`,
        );
      }
      const start = req.body.sendWindowStart;
      const end = req.body.sendWindowEnd;
      const current = await deps.db
        .selectFrom('stores')
        .selectAll()
        .where('id', '=', req.params.storeId)
        .executeTakeFirstOrThrow();
      if ((start ?? current.send_window_start) >= (end ?? current.send_window_end)) {
        throw new DomainError('invalid_input', 'sendWindowStart must be before sendWindowEnd.');
      }
      const store = await deps.db.transaction().execute(async (trx) => {
        const row = await trx
          .updateTable('stores')
          .set(update)
          .where('id', '=', req.params.storeId)
          .returningAll()
          .executeTakeFirstOrThrow();
        await trx
          .insertInto('audit_log')
          .values({
            store_id: row.id,
            user_id: principal.user.id,
            action: 'store.settings_changed',
            subject_type: 'store',
            subject_id: row.id,
            details: JSON.stringify({ changed: Object.keys(req.body) }),
            created_at: deps.clock.now(),
          })
          .execute();
        return row;
      });
      return presentSettings(store);
    },
  );
}
