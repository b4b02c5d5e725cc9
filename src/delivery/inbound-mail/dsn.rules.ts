/**
 * Reading bounce reports (RFC 3464 delivery status notifications) and complaint reports (RFC 5965
 * ARF) that come back to our inbound address. Pure: takes the parts mailparser found.
 */

export interface MailPart {
  contentType: string;
  content: string;
}

export type MailReport =
  | {
      kind: 'bounce';
      /** failed (permanent) or delayed (still trying: nothing to do). */
      action: 'failed' | 'delayed' | 'delivered' | 'other';
      status: string | null;
      recipient: string | null;
      diagnostic: string | null;
      originalMessageId: string | null;
      deliveryKey: string | null;
    }
  | {
      kind: 'complaint';
      feedbackType: string;
      originalMessageId: string | null;
      deliveryKey: string | null;
    }
  | { kind: 'unsubscribe'; token: string }
  | { kind: 'other' };

/** "Name: value" header fields (folded lines joined), names lower-cased; the first of each wins. */
export function headerFields(text: string): Map<string, string> {
  const fields = new Map<string, string>();
  const unfolded = text.replace(/\r\n/g, '\n').replace(/\n[ \t]+/g, ' ');
  for (const line of unfolded.split('\n')) {
    const m = /^([A-Za-z0-9-]+):\s*(.*)$/.exec(line);
    if (m?.[1] && m[2] !== undefined && !fields.has(m[1].toLowerCase())) fields.set(m[1].toLowerCase(), m[2].trim());
  }
  return fields;
}

const afterType = (v: string | undefined) => (v ? v.replace(/^[^;]*;\s*/, '').trim() : null);

function original(parts: readonly MailPart[]): { originalMessageId: string | null; deliveryKey: string | null } {
  const returned = parts.find((p) =>
    /^(message\/rfc822|text\/rfc822-headers|message\/rfc822-headers)/i.test(p.contentType),
  );
  if (!returned) return { originalMessageId: null, deliveryKey: null };
  const h = headerFields(returned.content.split(/\r?\n\r?\n/)[0] ?? '');
  return { originalMessageId: h.get('message-id') ?? null, deliveryKey: h.get('x-forecourt-delivery') ?? null };
}

/**
 * What an inbound message reports: a bounce (with the first recipient's action, status and
 * diagnostic), a complaint, a mailto unsubscribe ("unsubscribe <token>" in the subject), or nothing
 * we act on.
 */
export function readReport(subject: string, parts: readonly MailPart[]): MailReport {
  const status = parts.find((p) => /^message\/(global-)?delivery-status/i.test(p.contentType));
  if (status) {
    // Per-message fields first, then one block per recipient; the first recipient block is the one we sent.
    const blocks = status.content.replace(/\r\n/g, '\n').split(/\n\s*\n/);
    const recipient = headerFields(blocks.find((b) => /final-recipient|action:/i.test(b)) ?? '');
    const action = (recipient.get('action') ?? '').toLowerCase();
    return {
      kind: 'bounce',
      action: action === 'failed' || action === 'delayed' || action === 'delivered' ? action : 'other',
      status: recipient.get('status') ?? null,
      recipient: afterType(recipient.get('final-recipient') ?? recipient.get('original-recipient')),
      diagnostic: afterType(recipient.get('diagnostic-code')),
      ...original(parts),
    };
  }
  const feedback = parts.find((p) => /^message\/feedback-report/i.test(p.contentType));
  if (feedback) {
    return {
      kind: 'complaint',
      feedbackType: headerFields(feedback.content).get('feedback-type') ?? 'abuse',
      ...original(parts),
    };
  }
  const unsubscribe = /^\s*unsubscribe\s+([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\s*$/i.exec(subject);
  if (unsubscribe?.[1]) return { kind: 'unsubscribe', token: unsubscribe[1] };
  return { kind: 'other' };
}
