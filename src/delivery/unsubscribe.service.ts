import type { Kysely } from 'kysely';
import type { ConsentService } from '../consent/consent.service.ts';
import type { Customer, Database, Store } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { signUnsubscribe, verifyUnsubscribe, type TokenCheck, type UnsubscribeClaim } from './unsubscribe-token.ts';

export interface UnsubscribeTarget {
  claim: UnsubscribeClaim;
  customer: Customer;
  store: Store;
}

/**
 * Unsubscribe links: signed tokens that need no login, a confirmation page, and a POST (from the
 * page's button or a mail client's one-click) that withdraws the consent at once. A GET never
 * changes anything: link scanners open every link in an e-mail.
 */
export function createUnsubscribeService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  consent: ConsentService;
  key: Buffer;
  publicUrl: string;
  /** An address whose mail the inbound SMTP listener reads, for List-Unsubscribe's mailto; null without one. */
  mailtoAddress?: string | null;
}) {
  const base = deps.publicUrl.replace(/\/$/, '');
  return {
    /** The link for a message's footer and List-Unsubscribe header. */
    urlFor(claim: Omit<UnsubscribeClaim, 'issuedAt'>): string {
      return `${base}/u/${signUnsubscribe({ ...claim, issuedAt: deps.clock.now() }, deps.key)}`;
    },

    /** RFC 2369 / 8058 headers for a marketing e-mail. */
    headersFor(url: string): Record<string, string> {
      const token = url.slice(url.lastIndexOf('/') + 1);
      const mailto = deps.mailtoAddress
        ? `, <mailto:${deps.mailtoAddress}?subject=unsubscribe%20${encodeURIComponent(token)}>`
        : '';
      return { 'List-Unsubscribe': `<${url}>${mailto}`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' };
    },

    check(token: string): TokenCheck {
      return verifyUnsubscribe(token, deps.key, deps.clock.now());
    },

    /** The customer and store a valid token names (undefined when the customer is gone). */
    async resolve(claim: UnsubscribeClaim): Promise<UnsubscribeTarget | undefined> {
      const customer = await deps.db
        .selectFrom('customers')
        .selectAll()
        .where('id', '=', claim.customerId)
        .where('store_id', '=', claim.storeId)
        .executeTakeFirst();
      if (!customer) return undefined;
      const store = await deps.db
        .selectFrom('stores')
        .selectAll()
        .where('id', '=', claim.storeId)
        .executeTakeFirstOrThrow();
      return { claim, customer, store };
    },

    /** The customer a token stands for, if it is valid and the customer still exists. */
    async targetOf(token: string): Promise<UnsubscribeTarget | undefined> {
      const check = verifyUnsubscribe(token, deps.key, deps.clock.now());
      return check.ok ? this.resolve(check.claim) : undefined;
    },

    /**
     * Withdraws the consent the token names; a repeat is harmless (the ledger shows both). A
     * 360° Customer Contact link also sets Do Not Mail (audited), which stops its e-mails and postcards.
     */
    async apply(target: UnsubscribeTarget): Promise<void> {
      if (target.claim.doNotMail && !target.customer.do_not_mail) {
        const now = deps.clock.now();
        await deps.db.transaction().execute(async (trx) => {
          await trx
            .updateTable('customers')
            .set({ do_not_mail: true, updated_at: now })
            .where('id', '=', target.customer.id)
            .execute();
          await trx
            .insertInto('audit_log')
            .values({
              store_id: target.customer.store_id,
              user_id: null,
              action: 'customer.contact_methods_changed',
              subject_type: 'customer',
              subject_id: target.customer.id,
              details: JSON.stringify({
                before: { doNotMail: false },
                after: { doNotMail: true },
                source: 'unsubscribe',
                messageId: target.claim.messageId,
              }),
              created_at: now,
            })
            .execute();
        });
      }
      await deps.consent.record(
        target.customer,
        {
          channel: target.claim.channel,
          purpose: target.claim.purpose,
          granted: false,
          source: 'unsubscribe',
          wording:
            target.claim.messageId === null
              ? 'Unsubscribe link'
              : `Unsubscribe link in message #${target.claim.messageId}`,
        },
        null,
      );
    },
  };
}

export type UnsubscribeService = ReturnType<typeof createUnsubscribeService>;
