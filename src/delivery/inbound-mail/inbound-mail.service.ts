import { simpleParser } from 'mailparser';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { ConsentService } from '../../consent/consent.service.ts';
import type { Database } from '../../db/schema.ts';
import type { DeliveryFeedback } from '../delivery-feedback.service.ts';
import type { UnsubscribeService } from '../unsubscribe.service.ts';
import { readReport, type MailPart, type MailReport } from './dsn.rules.ts';

export type InboundMailOutcome =
  'bounce_recorded' | 'complaint_recorded' | 'unsubscribed' | 'delayed' | 'unknown_message' | 'ignored';

/** The parts of a raw message that reports are made of (delivery status, returned headers, ARF). */
export async function mailParts(raw: Buffer | string): Promise<{ subject: string; parts: MailPart[] }> {
  const parsed = await simpleParser(raw, { keepDeliveryStatus: true });
  return {
    subject: parsed.subject ?? '',
    parts: parsed.attachments.map((a) => ({ contentType: a.contentType, content: a.content.toString('utf8') })),
  };
}

/**
 * Mail that comes back to our inbound address: bounce reports fail the message and count against
 * the address; complaints (a "this is spam") also withdraw marketing e-mail consent; a mailto
 * unsubscribe from the List-Unsubscribe header withdraws it too. A report about a message we
 * never sent is logged and ignored.
 */
export function createInboundMailService(deps: {
  db: Kysely<Database>;
  feedback: DeliveryFeedback;
  unsubscribe: UnsubscribeService;
  consent: ConsentService;
  logger?: Logger | undefined;
}) {
  async function act(report: MailReport): Promise<InboundMailOutcome> {
    switch (report.kind) {
      case 'bounce': {
        if (report.action === 'delayed') return 'delayed';
        if (report.action !== 'failed' || !report.originalMessageId) return 'ignored';
        const result = await deps.feedback.report(
          'smtp',
          report.originalMessageId,
          'bounced',
          [report.status, report.diagnostic].filter(Boolean).join(' ') || 'bounced',
        );
        return result === 'unknown' ? 'unknown_message' : 'bounce_recorded';
      }
      case 'complaint': {
        if (!report.originalMessageId) return 'ignored';
        const result = await deps.feedback.report('smtp', report.originalMessageId, 'complained', report.feedbackType);
        if (result === 'unknown') return 'unknown_message';
        const message = await deps.db
          .selectFrom('outbox_messages')
          .select('customer_id')
          .where('provider', '=', 'smtp')
          .where('provider_message_id', '=', report.originalMessageId)
          .executeTakeFirst();
        const customer = message?.customer_id
          ? await deps.db.selectFrom('customers').selectAll().where('id', '=', message.customer_id).executeTakeFirst()
          : undefined;
        if (customer)
          await deps.consent.record(
            customer,
            {
              channel: 'email',
              purpose: 'marketing',
              granted: false,
              source: 'unsubscribe',
              wording: `Complaint (${report.feedbackType}) about message ${report.originalMessageId}`,
            },
            null,
          );
        return 'complaint_recorded';
      }
      case 'unsubscribe': {
        const target = await deps.unsubscribe.targetOf(report.token);
        if (!target) return 'ignored';
        await deps.unsubscribe.apply(target);
        return 'unsubscribed';
      }
      case 'other':
        return 'ignored';
    }
  }

  return {
    async handle(raw: Buffer | string): Promise<InboundMailOutcome> {
      const { subject, parts } = await mailParts(raw);
      const outcome = await act(readReport(subject, parts));
      if (outcome === 'unknown_message' || outcome === 'ignored')
        deps.logger?.info({ outcome, subject }, 'inbound mail not matched to a message; ignored');
      return outcome;
    },
  };
}

export type InboundMailService = ReturnType<typeof createInboundMailService>;
