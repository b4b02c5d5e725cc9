import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database, OutboxMessage } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { normalisePhone } from '../shared/phone.ts';
import type { PreviewService } from '../templates/preview.service.ts';
import { findTemplate } from '../templates/templates.store.ts';
import { insertMessages } from './outbox.store.ts';

export interface TestSend {
  templateId: number;
  /** A staff e-mail address or phone number. */
  to: string;
  /** Render as this customer of the template's store; default the sample customer. */
  customerId?: number | null | undefined;
  version?: number | undefined;
  requestKey: string;
}

/**
 * A test of a template to a staff address or number, rendered exactly as a send would be (for a
 * chosen customer or the sample one) and marked "[Test]". It goes through the outbox like every
 * message, so it is recorded and sent once, but it belongs to no customer's history.
 */
export function createTestSendService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  previews: PreviewService;
  onEnqueued?: () => void;
}) {
  return {
    async send(req: TestSend, actor: { userId: number; storeIds: number[] }): Promise<OutboxMessage> {
      const t = await findTemplate(deps.db, req.templateId, actor.storeIds, req.version);
      if (!t) throw notFound('Template');
      const channel = t.template.channel;
      if (channel !== 'email' && channel !== 'sms')
        throw new DomainError(
          'invalid_input',
          `Test sends are for e-mail and texts; open the PDF preview to check a ${channel}.`,
        );
      const store = await deps.db
        .selectFrom('stores')
        .selectAll()
        .where('id', '=', t.template.store_id)
        .executeTakeFirstOrThrow();
      let target: string;
      if (channel === 'email') {
        const parsed = z.email().safeParse(req.to.trim());
        if (!parsed.success) throw new DomainError('invalid_input', `"${req.to}" is not an e-mail address.`);
        target = parsed.data;
      } else {
        const phone = normalisePhone(req.to, store.country);
        if (!phone.ok) throw new DomainError('invalid_input', `"${req.to}" is not a phone number: ${phone.reason}.`);
        target = phone.e164;
      }
      const { message } = await deps.previews.render(
        store,
        { ...t.template, subject: t.version.subject, body: t.version.body },
        req.customerId ?? null,
      );
      const now = deps.clock.now();
      const { created, existing } = await insertMessages(
        deps.db,
        [
          {
            storeId: store.id,
            customerId: null,
            deliveryKey: `test:${req.requestKey}`,
            sourceKind: 'test',
            sourceRef: `template:${t.template.id}:v${t.version.version}`,
            step: '',
            channel,
            purpose: t.template.purpose,
            contactType: t.template.contact_type,
            templateVersionId: t.version.id,
            userId: actor.userId,
            target,
            sender: null,
            cc: [],
            bcc: [],
            subject: message.subject === null ? null : `[Test] ${message.subject}`,
            html: message.html,
            text: channel === 'sms' && message.text ? `[Test] ${message.text}` : message.text,
            status: 'queued',
            statusReason: null,
            statusDetail: null,
            dueAt: now,
          },
        ],
        now,
      );
      deps.onEnqueued?.();
      const row = created[0] ?? existing[0];
      if (!row) throw new Error('outbox insert returned nothing');
      return row;
    },
  };
}

export type TestSendService = ReturnType<typeof createTestSendService>;
