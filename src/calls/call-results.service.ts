import type { Kysely } from 'kysely';
import { eligibleAgainOn } from '../campaigns/recycle.rules.ts';
import { recordReachability } from '../consent/reachability.store.ts';
import type { CallResult, Database } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';

export interface CallResultInput {
  recycleCodeId: number;
  note?: string | null | undefined;
  /** The number the agent dialled (one of the customer's). */
  phone?: string | null | undefined;
  /** "Appointment booked": when; the appointment is recorded and lifecycle reminders pick it up. */
  appointmentAt?: Date | null | undefined;
  /** A "wrong number" result marks the number invalid only once the agent confirms it. */
  confirmWrongNumber?: boolean | undefined;
}

/** The recycle code whose result means the number is not the customer's. */
export const WRONG_NUMBER_CODE = 'wrong_number';

/**
 * Logging what came of a call: the result under the agent's name (with the recycle code, whether
 * it was productive, the note), the customer's recycle period from the code's days, the take
 * released, a confirmed wrong number marked invalid, a booked appointment recorded. Refused with a
 * message for a customer the agent has not taken, a result already logged, or an unknown code.
 */
export function createCallResultsService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  return {
    async log(
      entryId: number,
      agent: { userId: number; storeIds: readonly number[] },
      input: CallResultInput,
    ): Promise<CallResult> {
      const entry = await db
        .selectFrom('call_list_entries')
        .selectAll()
        .where('id', '=', entryId)
        .where('store_id', 'in', agent.storeIds.length ? [...agent.storeIds] : [-1])
        .executeTakeFirst();
      if (!entry) throw notFound('Call list entry');
      if (entry.outcome === 'logged')
        throw new DomainError('call_already_logged', 'A result is already logged for this customer on this list.');
      if (entry.taken_by !== agent.userId || entry.done_at !== null)
        throw new DomainError(
          'call_not_taken',
          'You have not taken this customer: use "Next customer" to take them before logging a result.',
        );
      const code = await db
        .selectFrom('recycle_codes')
        .selectAll()
        .where('id', '=', input.recycleCodeId)
        .where('store_id', '=', entry.store_id)
        .executeTakeFirst();
      if (!code || !code.active)
        throw new DomainError(
          'unknown_recycle_code',
          `Recycle code ${input.recycleCodeId} is not one of this store's active codes; pick one from the list.`,
        );
      const customer = await db
        .selectFrom('customers')
        .select(['id', 'cell_phone', 'home_phone', 'work_phone'])
        .where('id', '=', entry.customer_id)
        .executeTakeFirstOrThrow();
      const lines = [
        ['cell_phone', customer.cell_phone],
        ['home_phone', customer.home_phone],
        ['work_phone', customer.work_phone],
      ] as const;
      const dialled = input.phone ? lines.find(([, n]) => n === input.phone) : undefined;
      if (input.phone && !dialled)
        throw new DomainError('invalid_input', `${input.phone} is not one of this customer's numbers.`);
      if (code.key === WRONG_NUMBER_CODE) {
        if (!dialled)
          throw new DomainError('invalid_input', 'Say which number was wrong (phone) to log "wrong number".');
        if (input.confirmWrongNumber !== true)
          throw new DomainError(
            'confirmation_required',
            `Confirm that ${dialled[1]} is a wrong number: it will not be called or texted again until someone verifies it.`,
          );
      }
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        // Guarded by the same conditions, so two clicks cannot log twice.
        const closed = await trx
          .updateTable('call_list_entries')
          .set({ done_at: now, outcome: 'logged', lock_until: null })
          .where('id', '=', entry.id)
          .where('taken_by', '=', agent.userId)
          .where('done_at', 'is', null)
          .returning('id')
          .executeTakeFirst();
        if (!closed)
          throw new DomainError('call_already_logged', 'A result is already logged for this customer on this list.');
        const appointment = input.appointmentAt
          ? await trx
              .insertInto('appointments')
              .values({
                store_id: entry.store_id,
                customer_id: entry.customer_id,
                dms_appointment_number: `FC-CALL-${entry.id}`,
                scheduled_at: input.appointmentAt,
                status: 'scheduled',
                notes: input.note ?? null,
              })
              .returning('id')
              .executeTakeFirstOrThrow()
          : undefined;
        const result = await trx
          .insertInto('call_results')
          .values({
            store_id: entry.store_id,
            customer_id: entry.customer_id,
            entry_id: entry.id,
            agent_user_id: agent.userId,
            recycle_code_id: code.id,
            recycle_code_key: code.key,
            productive: code.productive,
            note: input.note?.trim() || null,
            phone: dialled?.[1] ?? null,
            appointment_id: appointment?.id ?? null,
            created_at: now,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        const until = eligibleAgainOn(now, code);
        const state = {
          last_contacted_at: now,
          recycle_code: code.key,
          recycle_until: until,
          reserved_by: null,
          reserved_until: null,
        };
        await trx
          .insertInto('customer_contact_state')
          .values({ customer_id: entry.customer_id, store_id: entry.store_id, ...state })
          .onConflict((oc) => oc.column('customer_id').doUpdateSet(state))
          .execute();
        if (code.key === WRONG_NUMBER_CODE && dialled?.[1]) {
          const store = await trx
            .selectFrom('stores')
            .selectAll()
            .where('id', '=', entry.store_id)
            .executeTakeFirstOrThrow();
          await recordReachability(trx, store, [
            {
              address: dialled[1],
              line: dialled[0],
              outcome: 'wrong_number',
              source: 'call',
              detail: `wrong number, confirmed by the agent (call result #${result.id})`,
              occurred_at: now,
            },
          ]);
        }
        return result;
      });
    },
  };
}

export type CallResultsService = ReturnType<typeof createCallResultsService>;
