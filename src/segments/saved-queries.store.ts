import type { Kysely } from 'kysely';
import type { Database, SavedQuery } from '../db/schema.ts';

export interface NewSavedQuery {
  storeId: number;
  name: string;
  description: string | null;
  /** Already validated (assertValidFilter); stored as the client wrote it. */
  filter: unknown;
  userId: number;
}

export interface SavedQueryChanges {
  name?: string;
  description?: string | null;
  filter?: unknown;
  archived?: boolean;
}

export function listSavedQueries(
  db: Kysely<Database>,
  storeId: number,
  archived: boolean,
): Promise<Omit<SavedQuery, 'filter'>[]> {
  return db
    .selectFrom('saved_queries')
    .select([
      'id',
      'store_id',
      'name',
      'description',
      'archived',
      'created_by',
      'updated_by',
      'created_at',
      'updated_at',
    ])
    .where('store_id', '=', storeId)
    .where('archived', '=', archived)
    .orderBy(({ fn }) => fn('lower', ['name']))
    .execute();
}

/** The query when it belongs to one of `storeIds` (the caller's visible stores). */
export async function findSavedQuery(
  db: Kysely<Database>,
  id: number,
  storeIds: readonly number[],
): Promise<SavedQuery | undefined> {
  if (storeIds.length === 0) return undefined;
  return db
    .selectFrom('saved_queries')
    .selectAll()
    .where('id', '=', id)
    .where('store_id', 'in', storeIds)
    .executeTakeFirst();
}

export function insertSavedQuery(db: Kysely<Database>, q: NewSavedQuery): Promise<SavedQuery> {
  return db
    .insertInto('saved_queries')
    .values({
      store_id: q.storeId,
      name: q.name.trim(),
      description: q.description,
      filter: JSON.stringify(q.filter),
      created_by: q.userId,
      updated_by: q.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateSavedQuery(
  db: Kysely<Database>,
  id: number,
  changes: SavedQueryChanges,
  userId: number,
  now: Date,
): Promise<SavedQuery> {
  return db
    .updateTable('saved_queries')
    .set({
      ...(changes.name !== undefined ? { name: changes.name.trim() } : {}),
      ...(changes.description !== undefined ? { description: changes.description } : {}),
      ...(changes.filter !== undefined ? { filter: JSON.stringify(changes.filter) } : {}),
      ...(changes.archived !== undefined ? { archived: changes.archived } : {}),
      updated_by: userId,
      updated_at: now,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}
