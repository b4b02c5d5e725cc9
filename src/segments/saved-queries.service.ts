import type { Kysely } from 'kysely';
import type { Database, SavedQuery } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { conflictOnDuplicate } from '../shared/unique-violation.ts';
import { notFound } from '../shared/errors.ts';
import { assertValidFilter } from './filter.validate.ts';
import { findSavedQuery, insertSavedQuery, updateSavedQuery, type SavedQueryChanges } from './saved-queries.store.ts';

export interface SavedQueryInput {
  name: string;
  description?: string | null | undefined;
  filter: unknown;
}

export interface SavedQueryPatch {
  name?: string | undefined;
  description?: string | null | undefined;
  filter?: unknown;
  archived?: boolean | undefined;
}

interface Actor {
  userId: number;
}

// A cleared description box sends "", which means "no description", not an empty one.
const blankAsNull = (d: string | null | undefined) => (d === undefined ? undefined : d?.trim() ? d.trim() : null);

const nameTaken = <T>(name: string, work: () => Promise<T>) =>
  conflictOnDuplicate('saved_queries_store_name_idx', `This store already has a query named "${name.trim()}".`, work);

/**
 * Saving queries: a filter is written only once it passed the catalogue (assertValidFilter, a 422
 * naming each bad field and its path), names are unique per store ignoring case, and every save is
 * audited, since batches and campaigns send to whoever a query matches.
 */
export function createSavedQueriesService(deps: { db: Kysely<Database>; clock: Clock }) {
  const { db, clock } = deps;

  const audit = (trx: Kysely<Database>, q: SavedQuery, actor: Actor, action: string, details: object) =>
    trx
      .insertInto('audit_log')
      .values({
        store_id: q.store_id,
        user_id: actor.userId,
        action,
        subject_type: 'saved_query',
        subject_id: q.id,
        details: JSON.stringify(details),
      })
      .execute();

  return {
    async create(storeId: number, input: SavedQueryInput, actor: Actor): Promise<SavedQuery> {
      assertValidFilter(input.filter);
      return nameTaken(input.name, () =>
        db.transaction().execute(async (trx) => {
          const q = await insertSavedQuery(trx, {
            storeId,
            name: input.name,
            description: blankAsNull(input.description) ?? null,
            filter: input.filter,
            userId: actor.userId,
          });
          await audit(trx, q, actor, 'saved_query.created', { name: q.name });
          return q;
        }),
      );
    },

    async update(id: number, storeIds: number[], patch: SavedQueryPatch, actor: Actor): Promise<SavedQuery> {
      const current = await findSavedQuery(db, id, storeIds);
      if (!current) throw notFound('Query');
      if (patch.filter !== undefined) assertValidFilter(patch.filter);
      const changes: SavedQueryChanges = {
        ...(patch.name !== undefined ? { name: patch.name } : {}),
        ...(patch.description !== undefined ? { description: blankAsNull(patch.description) ?? null } : {}),
        ...(patch.filter !== undefined ? { filter: patch.filter } : {}),
        ...(patch.archived !== undefined ? { archived: patch.archived } : {}),
      };
      return nameTaken(patch.name ?? current.name, () =>
        db.transaction().execute(async (trx) => {
          const q = await updateSavedQuery(trx, id, changes, actor.userId, clock.now());
          await audit(trx, q, actor, 'saved_query.updated', { changed: Object.keys(changes) });
          return q;
        }),
      );
    },
  };
}

export type SavedQueriesService = ReturnType<typeof createSavedQueriesService>;
