import { sql, type Kysely } from 'kysely';
import { applyInboundStop, recordInboundStart } from '../../consent/inbound-sms.service.ts';
import type { Database, InboundKeyword } from '../../db/schema.ts';
import type { Clock } from '../../shared/clock.ts';
import { twilioSettings } from '../../channels/channel-settings.ts';
import { classifyInbound } from './inbound-keyword.rules.ts';

export interface InboundText {
  /** The store whose webhook received it. */
  storeId: number;
  from: string;
  to: string;
  body: string;
  provider: string;
  providerMessageId: string | null;
}

export interface InboundResult {
  keyword: InboundKeyword;
  /** What to text back (HELP), or null for nothing. */
  reply: string | null;
  customersChanged: number;
}

/**
 * A text a customer sent us: STOP (and its synonyms) turns texting off for that number on every
 * file of the stores that share the texting number; START is recorded; HELP is answered with the
 * store's help text; anything else is kept for agents. Every one is stored, so history shows it.
 */
export function createInboundService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  /** After an ordinary reply from a known customer is stored (the inbox notifies a campaign's list). */
  onMessage?: (m: { id: number; storeId: number; customerId: number; body: string }) => Promise<void>;
}) {
  const { db, clock } = deps;

  /** Stores in the same organisation that text from this number (a shared short code or long code). */
  async function storesSharing(storeId: number, number: string): Promise<number[]> {
    const rows = await db
      .selectFrom('store_channels as sc')
      .innerJoin('stores as s', 's.id', 'sc.store_id')
      .select('sc.store_id')
      .where('sc.channel', '=', 'sms')
      .where(sql<boolean>`jsonb_exists(sc.settings -> 'senders', ${number})`)
      .where('s.organisation_id', '=', db.selectFrom('stores').select('organisation_id').where('id', '=', storeId))
      .execute();
    return [...new Set([storeId, ...rows.map((r) => r.store_id)])];
  }

  return {
    async receive(t: InboundText): Promise<InboundResult> {
      const at = clock.now();
      const keyword = classifyInbound(t.body);
      const storeIds = await storesSharing(t.storeId, t.to);
      const matches = await db
        .selectFrom('customers')
        .select(['id', 'store_id'])
        .where('store_id', 'in', storeIds)
        .where('cell_phone', '=', t.from)
        .limit(2)
        .execute();
      const own = matches.filter((c) => c.store_id === t.storeId);
      const customerId = own.length === 1 ? (own[0]?.id ?? null) : null;
      const stored = await db
        .insertInto('inbound_messages')
        .values({
          store_id: t.storeId,
          customer_id: customerId,
          channel: 'sms',
          from_address: t.from,
          to_address: t.to,
          body: t.body.slice(0, 2000),
          keyword,
          provider: t.provider,
          provider_message_id: t.providerMessageId,
          received_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      switch (keyword) {
        case 'stop':
          return {
            keyword,
            reply: null,
            customersChanged: await applyInboundStop(db, { storeIds, number: t.from, at }),
          };
        case 'start':
          return {
            keyword,
            reply: null,
            customersChanged: await recordInboundStart(db, { storeIds, number: t.from, at }),
          };
        case 'help': {
          const store = await db.selectFrom('stores').selectAll().where('id', '=', t.storeId).executeTakeFirstOrThrow();
          const settings = await db
            .selectFrom('store_channels')
            .select('settings')
            .where('store_id', '=', t.storeId)
            .where('channel', '=', 'sms')
            .executeTakeFirst();
          const parsed = twilioSettings.safeParse(settings?.settings);
          const configured = parsed.success ? parsed.data.helpText : null;
          const reply = configured?.trim()
            ? configured
            : `${store.name}${store.phone ? `: call ${store.phone}` : ''}. Reply STOP to unsubscribe.`;
          return { keyword, reply, customersChanged: 0 };
        }
        case 'message':
          if (customerId !== null)
            await deps.onMessage?.({ id: stored.id, storeId: t.storeId, customerId, body: t.body });
          return { keyword, reply: null, customersChanged: 0 };
      }
    },
  };
}

export type InboundService = ReturnType<typeof createInboundService>;
