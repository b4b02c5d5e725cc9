import { createHash } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';
import type { OutgoingMessage } from '../channel.ts';

/** Where a store's e-mail comes from when the message names no sender. */
export interface EmailIdentity {
  from: string;
  /** The domain Message-IDs are made in (the sending domain). */
  messageIdDomain: string;
}

/**
 * The Message-ID of a delivery: the same key always gives the same id, so a message sent twice
 * after a crash is recognisably one message to mail systems and to our bounce matching.
 */
export function messageIdFor(deliveryKey: string, domain: string): string {
  const hash = createHash('sha256').update(deliveryKey).digest('hex').slice(0, 32);
  return `<${hash}@${domain}>`;
}

/** Nodemailer's options for one outgoing e-mail. Pure. */
export function emailOptions(m: OutgoingMessage, identity: EmailIdentity): SendMailOptions {
  return {
    from: m.sender ?? identity.from,
    to: m.target,
    ...(m.replyTo ? { replyTo: m.replyTo } : {}),
    ...(m.cc.length > 0 ? { cc: [...m.cc] } : {}),
    ...(m.bcc.length > 0 ? { bcc: [...m.bcc] } : {}),
    subject: m.subject ?? '',
    ...(m.html !== null ? { html: m.html } : {}),
    ...(m.text !== null ? { text: m.text } : {}),
    messageId: messageIdFor(m.deliveryKey, identity.messageIdDomain),
    headers: { ...m.headers, 'X-Forecourt-Delivery': m.deliveryKey },
  };
}

export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  const domain =
    at === -1
      ? ''
      : address
          .slice(at + 1)
          .replace(/>.*$/, '')
          .trim();
  return domain || 'forecourt.invalid';
}
