import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildCustomer, buildStore, buildUser } from '../../test/support/factories.ts';
import { ensureContactDefaults } from '../campaigns/contact-types.store.ts';
import type { Db } from '../db/connect.ts';
import { insertMessages } from '../delivery/outbox.store.ts';
import { createInboundService } from '../delivery/webhooks/inbound.service.ts';
import { fixedClock } from '../shared/clock.ts';
import { createCampaignReplyNotifier } from './campaign-replies.ts';

const clock = fixedClock('2026-06-15T14:00:00Z');
let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('a reply to a campaign', () => {
  it('e-mails the campaign’s distribution list once per reply and person, through the outbox', async () => {
    const k = db.kysely;
    const store = await buildStore(k);
    await ensureContactDefaults(k, store.id);
    const mona = await buildUser(k, { role: 'manager', storeIds: [store.id], email: 'mona@example.test' });
    const query = await k
      .insertInto('saved_queries')
      .values({ store_id: store.id, name: 'Everyone', filter: JSON.stringify({ op: 'and', rules: [] }) })
      .returning('id')
      .executeTakeFirstOrThrow();
    const schedule = await k
      .insertInto('batch_schedules')
      .values({
        store_id: store.id,
        name: 'Winter tires',
        recurrence: 'once',
        channel: 'sms',
        kind: 'fetch',
        saved_query_id: query.id,
        daily_limit: 10,
        once_at: clock.now(),
        recycle_code_id: (
          await k
            .selectFrom('recycle_codes')
            .select('id')
            .where('store_id', '=', store.id)
            .where('key', '=', 'text_sent')
            .executeTakeFirstOrThrow()
        ).id,
        distribution_user_ids: [mona.id],
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const run = await k
      .insertInto('batch_runs')
      .values({
        store_id: store.id,
        schedule_id: schedule.id,
        run_date: '2026-06-14',
        status: 'done',
        as_of: clock.now(),
        started_at: clock.now(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const c = await buildCustomer(k, store.id, {
      first_name: 'Rita',
      last_name: 'Replier',
      name: null,
      cell_phone: '+14165550142',
    });
    await insertMessages(
      k,
      [
        {
          storeId: store.id,
          customerId: c.id,
          deliveryKey: 'campaign-text-1',
          sourceKind: 'campaign',
          sourceRef: `run:${run.id}`,
          step: '',
          channel: 'sms',
          purpose: 'marketing',
          contactType: null,
          templateVersionId: null,
          userId: null,
          target: c.cell_phone,
          sender: null,
          cc: [],
          bcc: [],
          subject: null,
          html: null,
          text: 'Winter tires are 20% off this week',
          status: 'queued',
          statusReason: null,
          statusDetail: null,
          dueAt: clock.now(),
        },
      ],
      clock.now(),
    );
    const notify = createCampaignReplyNotifier({ db: k, clock, publicUrl: 'https://forecourt.test' });
    const inbound = createInboundService({ db: k, clock, onMessage: async (m) => void (await notify(m)) });
    await inbound.receive({
      storeId: store.id,
      from: '+14165550142',
      to: '+14165550000',
      body: 'Do you have 17 inch?',
      provider: 'twilio',
      providerMessageId: 'SM1',
    });
    const notices = await k.selectFrom('outbox_messages').selectAll().where('source_kind', '=', 'notice').execute();
    expect(notices).toEqual([
      expect.objectContaining({
        store_id: store.id,
        customer_id: null,
        channel: 'email',
        target: 'mona@example.test',
        subject: 'Reply to "Winter tires" from Rita Replier',
        body_text: expect.stringContaining('Do you have 17 inch?'),
      }),
    ]);
    expect(notices[0]?.body_text).toContain(`https://forecourt.test/inbox?customer=${c.id}`);
    // The same reply again (a retried webhook) tells nobody twice; STOP is not a reply.
    const stored = await k
      .selectFrom('inbound_messages')
      .select('id')
      .where('customer_id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(await notify({ id: stored.id, storeId: store.id, customerId: c.id, body: 'Do you have 17 inch?' })).toBe(0);
    await inbound.receive({
      storeId: store.id,
      from: '+14165550142',
      to: '+14165550000',
      body: 'STOP',
      provider: 'twilio',
      providerMessageId: 'SM2',
    });
    expect(
      await k.selectFrom('outbox_messages').select('id').where('source_kind', '=', 'notice').execute(),
    ).toHaveLength(1);
  });
});
