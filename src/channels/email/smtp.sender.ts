import nodemailer from 'nodemailer';
import type { ChannelSender, OutgoingMessage, SendResult } from '../channel.ts';
import { domainOf, emailOptions } from './email-message.ts';
import { classifySmtpError } from './smtp-errors.ts';

export interface SmtpSettings {
  host: string;
  port: number;
  /** Implicit TLS (port 465); otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  user: string | null;
  password: string | null;
  /** The store's default From. */
  from: string;
  /** Pool size: connections kept open. */
  maxConnections?: number;
  dkim?: { domainName: string; keySelector: string; privateKey: string } | null;
  /** Refuse self-signed certificates (default true). */
  rejectUnauthorized?: boolean;
  /** Give up on a silent server after this long. */
  timeoutMs?: number;
  /** Envelope sender (Return-Path) so bounce reports come back to our inbound address. */
  returnPath?: string | null;
}

/**
 * E-mail over SMTP with a connection pool and DKIM signing. SMTP has no idempotency key, so the
 * delivery key goes in as the Message-ID and an `X-Forecourt-Delivery` header instead.
 */
export function createSmtpSender(settings: SmtpSettings): ChannelSender {
  const timeout = settings.timeoutMs ?? 30_000;
  const transport = nodemailer.createTransport({
    pool: true,
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    maxConnections: settings.maxConnections ?? 10,
    maxMessages: 1000,
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    ...(settings.dkim ? { dkim: settings.dkim } : {}),
    tls: { rejectUnauthorized: settings.rejectUnauthorized ?? true },
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  const identity = { from: settings.from, messageIdDomain: domainOf(settings.from) };
  return {
    provider: 'smtp',
    idempotent: false,
    async send(m: OutgoingMessage): Promise<SendResult> {
      try {
        const options = emailOptions(m, identity);
        if (settings.returnPath)
          options.envelope = {
            from: settings.returnPath,
            to: [m.target, ...m.cc, ...m.bcc],
          };
        const info = await transport.sendMail(options);
        const rejected = info.rejected.length > 0 && info.accepted.length === 0;
        if (rejected)
          return { kind: 'permanent', error: `recipient refused: ${String(info.response)}`, reachability: 'bounced' };
        return { kind: 'sent', providerMessageId: info.messageId };
      } catch (err) {
        return classifySmtpError(err);
      }
    },
    close: () => {
      transport.close();
      return Promise.resolve();
    },
  };
}
