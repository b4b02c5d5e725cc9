import type { Kysely } from 'kysely';
import { displayName } from '../customers/customers.presenter.ts';
import type { Database } from '../db/schema.ts';
import { enqueueMessages, type NewOutboxMessage } from '../delivery/outbox.store.ts';
import type { Clock } from '../shared/clock.ts';

/** How long after a campaign text a reply still counts as a reply to it. */
export const CAMPAIGN_REPLY_DAYS = 14;

/**
 * A customer's text that answers a campaign (the last text sent to them in the last 14 days was
 * a campaign's) is e-mailed to the campaign's distribution list, through the outbox ('notice',
 * keyed per reply and person, so a retried webhook tells nobody twice). Returns how many were told.
 */
export function createCampaignReplyNotifier(deps: {
  db: Kysely<Database>;
  clock: Clock;
  publicUrl: string;
  onEnqueued?: () => void;
}) {
  const { db, clock } = deps;
  return async (m: { id: number; storeId: number; customerId: number; body: string }): Promise<number> => {
    const now = clock.now();
    const last = await db
      .selectFrom('outbox_messages')
      .select(['source_kind', 'source_ref'])
      .where('store_id', '=', m.storeId)
      .where('customer_id', '=', m.customerId)
      .where('channel', '=', 'sms')
      .where('created_at', '>', new Date(now.getTime() - CAMPAIGN_REPLY_DAYS * 86_400_000))
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    const runId = last?.source_kind === 'campaign' ? /^run:(\d+)$/.exec(last.source_ref ?? '')?.[1] : undefined;
    if (!runId) return 0;
    const campaign = await db
      .selectFrom('batch_runs as r')
      .innerJoin('batch_schedules as s', 's.id', 'r.schedule_id')
      .select(['s.id', 's.name', 's.distribution_user_ids'])
      .where('r.id', '=', Number(runId))
      .where('r.store_id', '=', m.storeId)
      .executeTakeFirst();
    const userIds = campaign?.distribution_user_ids.map(Number) ?? [];
    if (!campaign || userIds.length === 0) return 0;
    const [people, customer] = await Promise.all([
      db.selectFrom('users').select(['id', 'email']).where('id', 'in', userIds).where('active', '=', true).execute(),
      db
        .selectFrom('customers')
        .select(['id', 'name', 'first_name', 'last_name', 'other_name', 'dms_customer_number'])
        .where('id', '=', m.customerId)
        .executeTakeFirstOrThrow(),
    ]);
    const who = displayName(customer);
    const link = `${deps.publicUrl.replace(/\/$/, '')}/inbox?customer=${customer.id}`;
    const text = `${who} replied to the campaign "${campaign.name}":\n\n${m.body}\n\nOpen the conversation: ${link}\n`;
    const messages: NewOutboxMessage[] = people.map((p) => ({
      storeId: m.storeId,
      customerId: null,
      deliveryKey: `notice:reply:${m.id}:${p.id}`,
      sourceKind: 'notice',
      sourceRef: `reply:${m.id}`,
      step: '',
      channel: 'email',
      purpose: 'service',
      contactType: null,
      templateVersionId: null,
      userId: null,
      target: p.email,
      sender: null,
      cc: [],
      bcc: [],
      subject: `Reply to "${campaign.name}" from ${who}`,
      html: null,
      text,
      status: 'queued',
      statusReason: null,
      statusDetail: null,
      dueAt: now,
    }));
    const n = await enqueueMessages(db, messages, now);
    if (n > 0) deps.onEnqueued?.();
    return n;
  };
}
