import type { Kysely } from 'kysely';
import { explainEligibility } from '../consent/eligibility.service.ts';
import { loadProfile } from '../customers/customers.store.ts';
import type { Database, OutboxMessage, Store, TemplateChannel } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { templateLanguage } from '../templates/locale-format.ts';
import { mergeInputFromProfile, storeSender } from '../templates/merge-input.rows.ts';
import { renderMessage } from '../templates/message.render.ts';
import type { Renderer } from '../templates/render.ts';
import { checkDraft } from '../templates/template-draft.rules.ts';
import { storeSenderIdentities } from '../channels/channel-settings.service.ts';
import { findTemplate } from '../templates/templates.store.ts';
import { deliveryKey } from './delivery-key.rules.ts';
import { insertMessages } from './outbox.store.ts';
import { consentChannel } from './send-check.service.ts';
import type { UnsubscribeService } from './unsubscribe.service.ts';

export interface SingleSend {
  customerId: number;
  purpose: 'marketing' | 'service';
  channel: Exclude<TemplateChannel, 'voice' | 'letter' | 'postcard'>;
  /** A saved template of the customer's store, or free text (which may use merge tags). */
  templateId?: number | null | undefined;
  subject?: string | null | undefined;
  body?: string | null | undefined;
  /** One of the customer's own addresses or numbers; default: the one eligibility picks. */
  target?: string | null | undefined;
  cc?: string[] | undefined;
  bcc?: string[] | undefined;
  /** From-address: the user's own or one of the store's approved ones; default: the store's. */
  sender?: string | null | undefined;
  /** Send a blind copy to the user. */
  bccSelf?: boolean | undefined;
  /** The client's key for this request: repeating it (a double click, a retry) sends once. */
  requestKey: string;
}

export interface SendActor {
  userId: number;
  storeIds: number[];
  email: string;
}

/** Addresses of the customer that a message on `channel` may go to. */
function ownTargets(c: { email: string | null; cell_phone: string | null }, channel: SingleSend['channel']): string[] {
  switch (channel) {
    case 'email':
      return c.email ? [c.email] : [];
    case 'sms':
      return c.cell_phone ? [c.cell_phone] : [];
  }
}

/** From-addresses a user may pick: their own, the store's, and the store's approved list. */
export function approvedSenders(
  store: Pick<Store, 'email'>,
  actor: Pick<SendActor, 'email'>,
  approved: readonly string[] = [],
): string[] {
  return [...new Set([actor.email, store.email, ...approved].filter((s): s is string => Boolean(s)))];
}

/**
 * One message from a customer's profile (DealTrak's communication page): checked against
 * eligibility (marketing without consent is refused with the reasons), rendered, and written to
 * the outbox; the dispatcher sends it. Nothing is sent from the request itself.
 */
export function createSendService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  renderer: Renderer;
  unsubscribe: UnsubscribeService;
  /** Wakes the dispatcher when it runs in this process. */
  onEnqueued?: () => void;
}) {
  const { db, clock, renderer } = deps;

  async function content(req: SingleSend, store: Store, language: 'en' | 'fr') {
    if (req.templateId) {
      const t = await findTemplate(db, req.templateId, [store.id]);
      if (!t) throw notFound('Template');
      if (t.template.channel !== req.channel)
        throw new DomainError(
          'invalid_input',
          `Template "${t.template.name}" is for ${t.template.channel}, not ${req.channel}.`,
        );
      if (!t.template.active) throw new DomainError('invalid_input', `Template "${t.template.name}" is not active.`);
      // A marketing template sent "as service" would dodge the marketing consent check.
      if (t.template.purpose !== req.purpose)
        throw new DomainError(
          'invalid_input',
          `Template "${t.template.name}" is a ${t.template.purpose} template; send it as ${t.template.purpose}.`,
        );
      return {
        subject: t.version.subject,
        body: t.version.body,
        versionId: t.version.id,
        contactType: t.template.contact_type,
      };
    }
    if (!req.body?.trim()) throw new DomainError('invalid_input', 'Choose a template or write a message.');
    const checked = checkDraft(
      { channel: req.channel, purpose: req.purpose, language, subject: req.subject ?? null, body: req.body },
      renderer,
    );
    return { subject: checked.subject, body: checked.body, versionId: null, contactType: null };
  }

  return {
    async send(req: SingleSend, actor: SendActor): Promise<{ message: OutboxMessage; created: boolean }> {
      const customer = await db
        .selectFrom('customers')
        .selectAll()
        .where('id', '=', req.customerId)
        .where('store_id', 'in', actor.storeIds.length ? actor.storeIds : [-1])
        .executeTakeFirst();
      if (!customer) throw notFound('Customer');
      const store = await db
        .selectFrom('stores')
        .selectAll()
        .where('id', '=', customer.store_id)
        .executeTakeFirstOrThrow();
      const now = clock.now();
      const key = deliveryKey({
        sourceKind: 'manual',
        sourceRef: req.requestKey,
        customerId: customer.id,
        channel: req.channel,
      });
      const repeat = await db
        .selectFrom('outbox_messages')
        .selectAll()
        .where('store_id', '=', store.id)
        .where('delivery_key', '=', key)
        .executeTakeFirst();
      if (repeat) return { message: repeat, created: false };

      const decision = await explainEligibility(db, customer, store, {
        channel: consentChannel(req.channel),
        purpose: req.purpose,
        at: now,
      });
      const quietOnly = !decision.allowed && decision.deferUntil !== null;
      if (!decision.allowed && !quietOnly) {
        throw new DomainError(
          'not_eligible',
          `This customer cannot get a ${req.purpose} ${req.channel} now: ${decision.reasons.map((r) => r.detail).join('; ')}.`,
          { reasons: decision.reasons },
        );
      }
      const own = ownTargets(customer, req.channel);
      const target = req.target ?? decision.target;
      if (!target || !own.some((o) => o.toLowerCase() === target.toLowerCase()))
        throw new DomainError(
          'invalid_input',
          `Send to one of the customer's own ${req.channel === 'email' ? 'addresses' : 'numbers'}: ${own.join(', ') || 'none on file'}.`,
        );
      const bcc = [...(req.bcc ?? []), ...(req.bccSelf ? [actor.email] : [])];
      if (req.channel !== 'email' && (req.cc?.length || bcc.length))
        throw new DomainError('invalid_input', 'CC and BCC apply to e-mail only.');
      const identities = await storeSenderIdentities(db, store.id);
      const senders =
        req.channel === 'email' ? approvedSenders(store, actor, identities.emailFrom) : identities.smsSenders;
      if (req.sender && !senders.some((s) => s.toLowerCase() === req.sender?.toLowerCase()))
        throw new DomainError(
          'invalid_input',
          senders.length > 0 ? `Send from one of: ${senders.join(', ')}.` : 'This store has no sender to choose from.',
        );

      const language = templateLanguage(customer.language);
      const c = await content(req, store, language);
      const profile = await loadProfile(db, customer);
      // Only marketing carries an unsubscribe link: service messages are not subscriptions.
      const unsubscribeUrl =
        req.channel === 'email' && req.purpose === 'marketing'
          ? deps.unsubscribe.urlFor({
              customerId: customer.id,
              storeId: store.id,
              channel: 'email',
              purpose: 'marketing',
              messageId: null,
            })
          : null;
      const rendered = renderMessage(
        renderer,
        { channel: req.channel, purpose: req.purpose, subject: c.subject, body: c.body },
        mergeInputFromProfile(profile, store, now, unsubscribeUrl),
        storeSender(store),
      );
      const { created, existing } = await insertMessages(
        db,
        [
          {
            storeId: store.id,
            customerId: customer.id,
            deliveryKey: key,
            sourceKind: 'manual',
            sourceRef: req.requestKey,
            step: '',
            channel: req.channel,
            purpose: req.purpose,
            contactType: c.contactType,
            templateVersionId: c.versionId,
            userId: actor.userId,
            target,
            sender: req.sender ?? null,
            cc: req.cc ?? [],
            bcc,
            subject: rendered.subject,
            html: rendered.html,
            text: rendered.text,
            status: quietOnly ? 'deferred' : 'queued',
            statusReason: quietOnly ? 'quiet_hours' : null,
            statusDetail: quietOnly ? decision.reasons.map((r) => r.detail).join('; ') : null,
            dueAt: quietOnly && decision.deferUntil ? decision.deferUntil : now,
          },
        ],
        now,
      );
      deps.onEnqueued?.();
      const message = created[0] ?? existing[0];
      if (!message) throw new Error('outbox insert returned nothing');
      return { message, created: created.length > 0 };
    },
  };
}

export type SendService = ReturnType<typeof createSendService>;
