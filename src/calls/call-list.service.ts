import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { audienceCondition, audienceContext } from '../campaigns/audiences.sql.ts';
import { eligibleSql, TAKE_ORDER, type SelectionSpec } from '../campaigns/batch-selection.sql.ts';
import { eligibilityByCustomer } from '../consent/eligibility.sql.ts';
import { checkSendWindow, effectiveWindow } from '../consent/quiet-hours.rules.ts';
import { recipientPlace } from '../consent/time-zone.rules.ts';
import type { CallList, CallListEntry, Database, Store } from '../db/schema.ts';
import { compileFilter } from '../segments/filter.sql.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import {
  listPurpose,
  MAX_SKIPS_PER_TAKE,
  parseListKey,
  QUIET_RETRY_MS,
  TAKE_LOCK_MS,
  type ListKey,
} from './call-list.rules.ts';

export interface CallListSummary {
  listId: number;
  listKey: string;
  day: string;
  purpose: 'marketing' | 'service';
  builtAt: Date;
  size: number;
  /** Entries still to call (not logged or passed over). */
  open: number;
}

/** A customer handed to an agent, held for them until `lockUntil`. */
export interface TakenEntry {
  entryId: number;
  listId: number;
  customerId: number;
  position: number;
  lockUntil: Date;
}

const callRef = (entryId: number) => `call:${entryId}`;

interface TakeRow {
  id: number;
  customer_id: number;
  position: number;
  lock_until: Date;
  held: boolean;
  reserved: boolean;
  recycle_until: Date | null;
  country: string | null;
  region: string | null;
  cell_phone: string | null;
  home_phone: string | null;
  work_phone: string | null;
  changed: boolean;
}

/**
 * The agents' call list. `open` builds the day's list once, set-based, in working order (the batch
 * selection's rules: eligible for a phone call for the list's purpose, not reserved, not in a
 * recycle period, not every vehicle off); `next` hands the first open entry to one agent with a
 * row lock (SKIP LOCKED, so concurrent agents never get the same entry), re-checks the customer at
 * that moment (reserved or contacted since, consent, quiet hours in their own time), and holds the
 * customer through customer_contact_state so batches and other lists leave them alone. A take
 * that is not logged lapses after TAKE_LOCK_MS and the customer goes back on the list.
 */
export function createCallListService(deps: { db: Kysely<Database>; clock: Clock; lockMs?: number }) {
  const { db, clock } = deps;
  const lockMs = deps.lockMs ?? TAKE_LOCK_MS;

  async function audienceOf(store: Store, key: ListKey, at: Date) {
    if (key.kind === 'contact_type') {
      const type = await db
        .selectFrom('contact_types')
        .select(['key', 'name', 'active'])
        .where('store_id', '=', store.id)
        .where('key', '=', key.key)
        .executeTakeFirst();
      if (!type) throw new DomainError('call_list_invalid', `There is no contact type "${key.key}" in this store.`);
      const cond = audienceCondition(key.key, audienceContext(at, store.time_zone));
      if (!cond)
        throw new DomainError(
          'call_list_invalid',
          `"${type.name}" has no built-in list of customers: call from a saved query instead.`,
        );
      return { audience: cond, contactType: key.key };
    }
    const q = await db
      .selectFrom('saved_queries')
      .select(['filter', 'archived', 'name'])
      .where('store_id', '=', store.id)
      .where('id', '=', key.queryId)
      .executeTakeFirst();
    if (!q) throw notFound('Saved query');
    if (q.archived) throw new DomainError('call_list_invalid', `Saved query "${q.name}" is archived.`);
    return {
      audience: compileFilter(q.filter, { storeId: store.id, now: at, timeZone: store.time_zone }),
      contactType: null,
    };
  }

  async function summary(list: CallList): Promise<CallListSummary> {
    const open = await db
      .selectFrom('call_list_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('list_id', '=', list.id)
      .where('done_at', 'is', null)
      .executeTakeFirstOrThrow();
    return {
      listId: list.id,
      listKey: list.list_key,
      day: list.day,
      purpose: list.purpose,
      builtAt: list.built_at,
      size: list.size,
      open: Number(open.n),
    };
  }

  /** Today's list for the store and key, built now if it is the day's first use. */
  async function open(store: Store, rawKey: string, chosenPurpose?: 'marketing' | 'service'): Promise<CallList> {
    const key = parseListKey(rawKey);
    if (!key)
      throw new DomainError('call_list_invalid', `"${rawKey}" is not a list: use a contact type key or query:<id>.`);
    const at = clock.now();
    const day = DateTime.fromJSDate(at, { zone: store.time_zone }).toISODate() ?? '';
    const existing = await db
      .selectFrom('call_lists')
      .selectAll()
      .where('store_id', '=', store.id)
      .where('list_key', '=', rawKey)
      .where('day', '=', day)
      .executeTakeFirst();
    if (existing) return existing;
    const purpose = listPurpose(key, chosenPurpose);
    const { audience, contactType } = await audienceOf(store, key, at);
    const spec: SelectionSpec = {
      store,
      at,
      today: day,
      todayStart: DateTime.fromJSDate(at, { zone: store.time_zone }).startOf('day').toJSDate(),
      scheduleId: 0,
      runRef: null,
      // Phone calls: any usable number; quiet hours are checked when a customer's turn comes.
      channel: 'call' as SelectionSpec['channel'],
      purpose,
      dayPart: 'all',
      audience,
      language: 'any',
      customerType: 'all',
      contactType,
      prevention: 'none',
      daysBetween: 0,
      limit: 2_000_000,
    };
    return db.transaction().execute(async (trx) => {
      const list = await trx
        .insertInto('call_lists')
        .values({ store_id: store.id, list_key: rawKey, day, purpose, built_at: at, size: 0 })
        .onConflict((oc) => oc.columns(['store_id', 'list_key', 'day']).doNothing())
        .returningAll()
        .executeTakeFirst();
      // Another agent opened it a moment ago: theirs is the day's list.
      if (!list)
        return trx
          .selectFrom('call_lists')
          .selectAll()
          .where('store_id', '=', store.id)
          .where('list_key', '=', rawKey)
          .where('day', '=', day)
          .executeTakeFirstOrThrow();
      await sql`set local jit = off`.execute(trx);
      const res = await sql`
        insert into call_list_entries (list_id, store_id, customer_id, position)
        select ${list.id}, ${store.id}, x.id, row_number() over (order by ${TAKE_ORDER})
        from (${eligibleSql(spec)}) x`.execute(trx);
      const size = Number(res.numAffectedRows ?? 0);
      // Fresh statistics, so the first takes of the day use the indexes rather than scan the list.
      await sql`analyze call_list_entries`.execute(trx);
      return trx
        .updateTable('call_lists')
        .set({ size })
        .where('id', '=', list.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  }

  // The day's list per store and key: "next customer" needs only its id and purpose, read once.
  const lists = new Map<string, CallList>();
  async function listFor(store: Store, key: string): Promise<CallList> {
    const day = DateTime.fromJSDate(clock.now(), { zone: store.time_zone }).toISODate() ?? '';
    const cacheKey = `${store.id}|${key}|${day}`;
    const hit = lists.get(cacheKey);
    if (hit) return hit;
    const list = await open(store, key);
    if (lists.size > 500) lists.clear();
    lists.set(cacheKey, list);
    return list;
  }

  /**
   * One attempt at the first open entry, in one statement in the common case: the agent's own
   * held entry if any, else the first free one (FOR UPDATE SKIP LOCKED, so concurrent agents each
   * get another row without waiting), the customer held in customer_contact_state unless someone
   * else holds them, and what the check as of now needs: where the customer is (quiet hours, in
   * their own time, are decided here with the same rules the SQL uses) and whether their consent,
   * switches or numbers changed since the list was built. Only then is the full eligibility
   * query run. An entry that fails is passed over (for now or for the day) and the caller tries
   * the next. A crash between the steps leaves an entry taken until its lock lapses, which is
   * what an agent walking away does anyway.
   */
  async function takeOne(
    store: Store,
    list: CallList,
    agentId: number,
  ): Promise<{ taken: TakenEntry } | { passed: true } | { empty: true }> {
    const now = clock.now();
    const lockUntil = new Date(now.getTime() + lockMs);
    const { rows } = await sql<TakeRow>`
      with mine as (
        select id, customer_id, position, lock_until from call_list_entries
        where list_id = ${list.id} and taken_by = ${agentId} and done_at is null and lock_until > ${now}
        limit 1
      ), pick as (
        select id from call_list_entries
        where list_id = ${list.id} and done_at is null and (lock_until is null or lock_until < ${now})
          and not exists (select 1 from mine)
        order by position limit 1
        for update skip locked
      ), took as (
        update call_list_entries e set taken_by = ${agentId}, taken_at = ${now}, lock_until = ${lockUntil}
        from pick where e.id = pick.id
        returning e.id, e.customer_id, e.position, e.lock_until
      ), e as (
        select id, customer_id, position, lock_until, true as held from mine
        union all select id, customer_id, position, lock_until, false as held from took
      ), hold as (
        insert into customer_contact_state (customer_id, store_id, reserved_by, reserved_until)
        select e.customer_id, ${store.id}, 'call:' || e.id, ${lockUntil}::timestamptz from e where not e.held
        on conflict (customer_id) do update
          set reserved_by = excluded.reserved_by, reserved_until = excluded.reserved_until
          where customer_contact_state.reserved_until is null or customer_contact_state.reserved_until <= ${now}
            or customer_contact_state.reserved_by = excluded.reserved_by
        returning customer_id, recycle_until
      )
      select e.id, e.customer_id, e.position, e.lock_until, e.held,
        h.customer_id is not null as reserved, h.recycle_until,
        c.country, c.region, c.cell_phone, c.home_phone, c.work_phone,
        (c.updated_at > ${list.built_at}
          or exists (select 1 from consent_events ce where ce.store_id = ${store.id} and ce.customer_id = c.id
            and ce.channel = 'call' and ce.recorded_at > ${list.built_at})
          or exists (select 1 from reachability_state r where r.store_id = ${store.id}
            and r.address in (c.cell_phone, c.home_phone, c.work_phone) and r.updated_at > ${list.built_at})
        ) as changed
      from e join customers c on c.id = e.customer_id
      left join hold h on h.customer_id = e.customer_id`.execute(db);
    const row = rows[0];
    if (!row) return { empty: true };
    const taken: TakenEntry = {
      entryId: Number(row.id),
      listId: list.id,
      customerId: Number(row.customer_id),
      position: row.position,
      lockUntil: row.lock_until,
    };
    if (row.held) return { taken };
    const pass = async (set: Partial<Pick<CallListEntry, 'done_at' | 'outcome' | 'lock_until'>>, unhold: boolean) => {
      await Promise.all([
        db
          .updateTable('call_list_entries')
          .set({ taken_by: null, taken_at: null, ...set })
          .where('id', '=', taken.entryId)
          .execute(),
        unhold ? release(db, taken.customerId, taken.entryId) : null,
      ]);
      return { passed: true as const };
    };
    if (!row.reserved) {
      const state = await db
        .selectFrom('customer_contact_state')
        .select(['reserved_by', 'reserved_until'])
        .where('customer_id', '=', taken.customerId)
        .executeTakeFirst();
      // Another agent's call ends soon: offer the customer again then. A batch holds them for the day.
      return state?.reserved_by?.startsWith('call:') && state.reserved_until
        ? pass({ lock_until: state.reserved_until }, false)
        : pass({ done_at: now, outcome: 'skipped:reserved' }, false);
    }
    if (row.recycle_until && row.recycle_until > now) return pass({ done_at: now, outcome: 'skipped:recycling' }, true);
    // Quiet hours in the customer's own time: offer them again when their window opens.
    const place = recipientPlace(row, [row.cell_phone, row.home_phone, row.work_phone], store.time_zone);
    const window = effectiveWindow(
      { start: store.send_window_start, end: store.send_window_end },
      place.country,
      place.region,
    );
    const w = checkSendWindow(now, place.zone, window);
    if (!w.open) return pass({ lock_until: w.nextOpening ?? new Date(now.getTime() + QUIET_RETRY_MS) }, true);
    // Consent, switches or numbers changed since the list was built: decide again in full.
    if (row.changed) {
      const reasons =
        (
          await eligibilityByCustomer(db, { store, channel: 'call', purpose: list.purpose, at: now }, [
            taken.customerId,
          ])
        )
          .get(taken.customerId)
          ?.filter((r) => r !== 'quiet_hours') ?? [];
      if (reasons.length > 0) return pass({ done_at: now, outcome: `skipped:${reasons[0]}` }, true);
    }
    return { taken };
  }

  async function release(trx: Kysely<Database>, customerId: number, entryId: number): Promise<void> {
    await trx
      .updateTable('customer_contact_state')
      .set({ reserved_by: null, reserved_until: null })
      .where('customer_id', '=', customerId)
      .where('reserved_by', '=', callRef(entryId))
      .execute();
  }

  return {
    open: async (store: Store, key: string, purpose?: 'marketing' | 'service') =>
      summary(await open(store, key, purpose)),

    /**
     * The next customer for the agent on the store's list (built first if needed), or null when
     * nobody is left to call. An agent still holding a customer on this list gets that one back.
     */
    async next(store: Store, key: string, agentId: number): Promise<TakenEntry | null> {
      const list = await listFor(store, key);
      for (let i = 0; i <= MAX_SKIPS_PER_TAKE; i++) {
        const r = await takeOne(store, list, agentId);
        if ('taken' in r) return r.taken;
        if ('empty' in r) return null;
      }
      return null;
    },

    /** Gives a taken customer back to the list (the agent moves on without a result). */
    async release(entryId: number, agentId: number): Promise<void> {
      await db.transaction().execute(async (trx) => {
        const entry = await trx
          .updateTable('call_list_entries')
          .set({ taken_by: null, lock_until: null })
          .where('id', '=', entryId)
          .where('taken_by', '=', agentId)
          .where('done_at', 'is', null)
          .returning(['customer_id'])
          .executeTakeFirst();
        if (entry) await release(trx, entry.customer_id, entryId);
      });
    },

    summary,
  };
}

export type CallListService = ReturnType<typeof createCallListService>;
