import { sql, type Kysely } from 'kysely';
import { explainEligibility } from '../consent/eligibility.service.ts';
import { displayName } from '../customers/customers.presenter.ts';
import type { Customer, Database } from '../db/schema.ts';
import type { SendService } from '../delivery/send.service.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';

export interface ThreadSummary {
  customerId: number;
  customerName: string;
  number: string | null;
  lastInboundAt: Date;
  lastBody: string;
  unread: number;
  assignedTo: { id: number; name: string } | null;
}

export interface ThreadMessage {
  direction: 'in' | 'out';
  id: number;
  body: string;
  at: Date;
  /** Outbound: its outbox status and who sent it. */
  status: string | null;
  by: string | null;
}

export interface InboxActor {
  userId: number;
  email: string;
  storeIds: number[];
}

/**
 * Two-way texts: the inbound replies to a store's texting numbers as one thread per customer
 * (STOP, START and HELP never reach it: the inbound service answers them first), with unread
 * counts and an assigned agent, and replies from the thread. A reply goes out only when the
 * customer may get a text now for service or for marketing; in quiet hours or without consent it
 * is refused with the reason, never queued for later (a conversation reply hours late is worse
 * than none).
 */
export function createInboxService(deps: { db: Kysely<Database>; clock: Clock; send: Pick<SendService, 'send'> }) {
  const { db, clock } = deps;

  async function customerOf(customerId: number, storeIds: readonly number[]): Promise<Customer> {
    const c = await db
      .selectFrom('customers')
      .selectAll()
      .where('id', '=', customerId)
      .where('store_id', 'in', storeIds.length ? [...storeIds] : [-1])
      .executeTakeFirst();
    if (!c) throw notFound('Customer');
    return c;
  }

  return {
    /** The store's threads, the latest inbound first; `mine` keeps those assigned to the user. */
    async threads(
      storeId: number,
      opts: { assignedTo?: number | undefined; limit?: number } = {},
    ): Promise<ThreadSummary[]> {
      const { rows } = await sql<{
        customer_id: number;
        last_id: number;
        last_at: Date;
        body: string;
        unread: number;
        assigned_to: number | null;
        agent_name: string | null;
      }>`
        select m.customer_id, max(m.id) as last_id, max(m.received_at) as last_at,
          (array_agg(m.body order by m.id desc))[1] as body,
          count(*) filter (where m.id > coalesce(t.read_up_to, 0))::int as unread,
          t.assigned_to, u.name as agent_name
        from inbound_messages m
        left join text_threads t on t.store_id = m.store_id and t.customer_id = m.customer_id
        left join users u on u.id = t.assigned_to
        where m.store_id = ${storeId} and m.keyword = 'message' and m.customer_id is not null
          ${opts.assignedTo ? sql`and t.assigned_to = ${opts.assignedTo}` : sql``}
        group by m.customer_id, t.assigned_to, u.name, t.read_up_to
        order by max(m.id) desc
        limit ${opts.limit ?? 200}`.execute(db);
      const customers = rows.length
        ? await db
            .selectFrom('customers')
            .select(['id', 'name', 'first_name', 'last_name', 'other_name', 'dms_customer_number', 'cell_phone'])
            .where(
              'id',
              'in',
              rows.map((r) => Number(r.customer_id)),
            )
            .execute()
        : [];
      const byId = new Map(customers.map((c) => [c.id, c]));
      return rows.map((r) => {
        const c = byId.get(Number(r.customer_id));
        return {
          customerId: Number(r.customer_id),
          customerName: c ? displayName(c) : `Customer ${r.customer_id}`,
          number: c?.cell_phone ?? null,
          lastInboundAt: r.last_at,
          lastBody: r.body,
          unread: r.unread,
          assignedTo: r.assigned_to ? { id: Number(r.assigned_to), name: r.agent_name ?? '' } : null,
        };
      });
    },

    /** One customer's texts both ways, oldest first; reading it marks it read. */
    async thread(customerId: number, actor: InboxActor): Promise<{ customer: Customer; messages: ThreadMessage[] }> {
      const customer = await customerOf(customerId, actor.storeIds);
      const [inbound, outbound] = await Promise.all([
        db
          .selectFrom('inbound_messages')
          .select(['id', 'body', 'received_at'])
          .where('store_id', '=', customer.store_id)
          .where('customer_id', '=', customer.id)
          .where('keyword', '=', 'message')
          .orderBy('id', 'desc')
          .limit(200)
          .execute(),
        db
          .selectFrom('outbox_messages as o')
          .leftJoin('users as u', 'u.id', 'o.user_id')
          .select(['o.id', 'o.body_text', 'o.created_at', 'o.status', 'u.name'])
          .where('o.store_id', '=', customer.store_id)
          .where('o.customer_id', '=', customer.id)
          .where('o.channel', '=', 'sms')
          .orderBy('o.id', 'desc')
          .limit(200)
          .execute(),
      ]);
      const messages: ThreadMessage[] = [
        ...inbound.map((m) => ({
          direction: 'in' as const,
          id: m.id,
          body: m.body,
          at: m.received_at,
          status: null,
          by: null,
        })),
        ...outbound.map((m) => ({
          direction: 'out' as const,
          id: m.id,
          body: m.body_text ?? '',
          at: m.created_at,
          status: m.status,
          by: m.name ?? 'Automation',
        })),
      ].sort(
        (a, b) =>
          a.at.getTime() - b.at.getTime() ||
          (a.direction === b.direction ? a.id - b.id : a.direction === 'in' ? -1 : 1),
      );
      const last = inbound[0]?.id;
      if (last !== undefined) {
        const values = { read_up_to: last, updated_at: clock.now() };
        await db
          .insertInto('text_threads')
          .values({ store_id: customer.store_id, customer_id: customer.id, ...values })
          .onConflict((oc) => oc.columns(['store_id', 'customer_id']).doUpdateSet(values))
          .execute();
      }
      return { customer, messages };
    },

    /** Gives the thread to an agent of the store (or to nobody). */
    async assign(customerId: number, userId: number | null, actor: InboxActor): Promise<void> {
      const customer = await customerOf(customerId, actor.storeIds);
      if (userId !== null) {
        const ok = await db
          .selectFrom('user_stores')
          .select('user_id')
          .where('user_id', '=', userId)
          .where('store_id', '=', customer.store_id)
          .executeTakeFirst();
        const admin = await db
          .selectFrom('users')
          .select('id')
          .where('id', '=', userId)
          .where('role', '=', 'admin')
          .executeTakeFirst();
        if (!ok && !admin) throw new DomainError('invalid_input', `User ${userId} does not work at this store.`);
      }
      const values = { assigned_to: userId, updated_at: clock.now() };
      await db
        .insertInto('text_threads')
        .values({ store_id: customer.store_id, customer_id: customer.id, ...values })
        .onConflict((oc) => oc.columns(['store_id', 'customer_id']).doUpdateSet(values))
        .execute();
    },

    /**
     * Replies from the thread: as a service text when the customer may get one now, else as
     * marketing when that is allowed; refused with the reason otherwise, quiet hours included.
     * The reply records which inbound text it answers (for the response time report).
     */
    async reply(customerId: number, body: string, requestKey: string, actor: InboxActor) {
      const customer = await customerOf(customerId, actor.storeIds);
      const store = await db
        .selectFrom('stores')
        .selectAll()
        .where('id', '=', customer.store_id)
        .executeTakeFirstOrThrow();
      const at = clock.now();
      const service = await explainEligibility(db, customer, store, { channel: 'sms', purpose: 'service', at });
      const marketing = service.allowed
        ? null
        : await explainEligibility(db, customer, store, { channel: 'sms', purpose: 'marketing', at });
      const purpose: 'service' | 'marketing' | null = service.allowed
        ? 'service'
        : marketing?.allowed
          ? 'marketing'
          : null;
      if (!purpose) {
        const quiet = service.deferUntil ?? marketing?.deferUntil;
        if (quiet)
          throw new DomainError(
            'reply_blocked',
            `Not now: ${service.reasons.map((r) => r.detail).join('; ')}. Texts to this customer open again at ${quiet.toISOString()}.`,
            { reasons: service.reasons, opensAt: quiet },
          );
        throw new DomainError(
          'reply_blocked',
          `This customer cannot get a text: ${service.reasons.map((r) => r.detail).join('; ')}.`,
          { reasons: service.reasons },
        );
      }
      const answered = await db
        .selectFrom('inbound_messages')
        .select('id')
        .where('store_id', '=', customer.store_id)
        .where('customer_id', '=', customer.id)
        .where('keyword', '=', 'message')
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
      const { message } = await deps.send.send(
        {
          customerId: customer.id,
          purpose,
          channel: 'sms',
          body,
          // The request key becomes the message's source_ref: it names the text answered.
          requestKey: `inbox:${answered?.id ?? 0}:${requestKey}`,
        },
        { userId: actor.userId, storeIds: actor.storeIds, email: actor.email },
      );
      return { message, purpose };
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
