import type { Kysely } from 'kysely';
import type { ContactType, Database, RecycleCode } from '../db/schema.ts';
import { conflictOnDuplicate } from '../shared/unique-violation.ts';
import { notFound } from '../shared/errors.ts';
import {
  findContactType,
  findRecycleCode,
  insertContactType,
  insertRecycleCode,
  updateContactType,
  updateRecycleCode,
  type ContactTypeChanges,
  type RecycleCodeChanges,
} from './contact-types.store.ts';

export interface ContactTypeInput {
  key: string;
  name: string;
  active?: boolean | undefined;
}

export interface ContactTypePatch {
  name?: string | undefined;
  active?: boolean | undefined;
}

export interface RecycleCodeInput {
  key: string;
  name: string;
  days: number;
  active?: boolean | undefined;
  productive?: boolean | undefined;
}

export interface RecycleCodePatch {
  name?: string | undefined;
  days?: number | undefined;
  active?: boolean | undefined;
  productive?: boolean | undefined;
}

interface Actor {
  userId: number;
}

// Optional fields arrive as undefined from zod; only the ones the client sent are changes.
const defined = <T extends object>(o: T) =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as {
    [K in keyof T]?: Exclude<T[K], undefined>;
  };

/**
 * Contact types and recycle codes (campaign configuration). Keys are unique per store and fixed
 * once created, since batches and templates refer to them; every change is audited because a
 * recycle code's days decide who a batch may contact next.
 */
export function createContactTypesService(deps: { db: Kysely<Database> }) {
  const { db } = deps;

  const audit = (
    trx: Kysely<Database>,
    row: { id: number; store_id: number },
    subjectType: 'contact_type' | 'recycle_code',
    actor: Actor,
    action: string,
    details: object,
  ) =>
    trx
      .insertInto('audit_log')
      .values({
        store_id: row.store_id,
        user_id: actor.userId,
        action,
        subject_type: subjectType,
        subject_id: row.id,
        details: JSON.stringify(details),
      })
      .execute();

  return {
    createContactType(storeId: number, input: ContactTypeInput, actor: Actor): Promise<ContactType> {
      return conflictOnDuplicate(
        'contact_types_store_key_idx',
        `This store already has a contact type with the key "${input.key}".`,
        () =>
          db.transaction().execute(async (trx) => {
            const row = await insertContactType(trx, {
              storeId,
              key: input.key,
              name: input.name,
              active: input.active ?? true,
            });
            await audit(trx, row, 'contact_type', actor, 'contact_type.created', { key: row.key, name: row.name });
            return row;
          }),
      );
    },

    async updateContactType(
      id: number,
      storeIds: number[],
      patch: ContactTypePatch,
      actor: Actor,
    ): Promise<ContactType> {
      const current = await findContactType(db, id, storeIds);
      if (!current) throw notFound('Contact type');
      const changes: ContactTypeChanges = defined({ name: patch.name, active: patch.active });
      // An empty patch changes nothing, so it is neither written nor audited.
      if (Object.keys(changes).length === 0) return current;
      return db.transaction().execute(async (trx) => {
        const row = await updateContactType(trx, id, changes);
        await audit(trx, row, 'contact_type', actor, 'contact_type.updated', { changes });
        return row;
      });
    },

    createRecycleCode(storeId: number, input: RecycleCodeInput, actor: Actor): Promise<RecycleCode> {
      return conflictOnDuplicate(
        'recycle_codes_store_key_idx',
        `This store already has a recycle code with the key "${input.key}".`,
        () =>
          db.transaction().execute(async (trx) => {
            const row = await insertRecycleCode(trx, {
              storeId,
              key: input.key,
              name: input.name,
              days: input.days,
              active: input.active ?? true,
              productive: input.productive ?? false,
            });
            await audit(trx, row, 'recycle_code', actor, 'recycle_code.created', {
              key: row.key,
              name: row.name,
              days: row.days,
              active: row.active,
              productive: row.productive,
            });
            return row;
          }),
      );
    },

    async updateRecycleCode(
      id: number,
      storeIds: number[],
      patch: RecycleCodePatch,
      actor: Actor,
    ): Promise<RecycleCode> {
      const current = await findRecycleCode(db, id, storeIds);
      if (!current) throw notFound('Recycle code');
      const changes: RecycleCodeChanges = defined({
        name: patch.name,
        days: patch.days,
        active: patch.active,
        productive: patch.productive,
      });
      if (Object.keys(changes).length === 0) return current;
      return db.transaction().execute(async (trx) => {
        const row = await updateRecycleCode(trx, id, changes);
        // The old values too: a changed days value explains why a batch picked different customers.
        await audit(trx, row, 'recycle_code', actor, 'recycle_code.updated', {
          changes,
          before: { name: current.name, days: current.days, active: current.active, productive: current.productive },
        });
        return row;
      });
    },
  };
}

export type ContactTypesService = ReturnType<typeof createContactTypesService>;
