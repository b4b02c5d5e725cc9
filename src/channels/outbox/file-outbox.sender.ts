import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type { ChannelSender, OutgoingMessage, SendResult } from '../channel.ts';
import { domainOf, emailOptions } from '../email/email-message.ts';

/** The file a message is captured in: one per delivery key, so a repeat overwrites, never adds. */
export function outboxFileName(m: Pick<OutgoingMessage, 'deliveryKey' | 'channel'>): string {
  const hash = createHash('sha256').update(m.deliveryKey).digest('hex').slice(0, 24);
  return `${m.channel}-${hash}.${m.channel === 'email' ? 'eml' : 'json'}`;
}

/**
 * The development default: every message is written to a folder instead of leaving the machine,
 * e-mail as a real `.eml` (exactly what SMTP would carry) and everything else as JSON. `npm start`
 * uses it, so a demo never mails a real customer.
 */
export function createFileOutboxSender(dir: string, defaultFrom = 'outbox@forecourt.invalid'): ChannelSender {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  const write = async (m: OutgoingMessage, content: string | Buffer): Promise<string> => {
    const folder = path.join(dir, String(m.storeId));
    await mkdir(folder, { recursive: true });
    const file = path.join(folder, outboxFileName(m));
    // Write then rename: a reader (or a crash) never sees half a message.
    const tmp = `${file}.${process.pid}.tmp`;
    await writeFile(tmp, content);
    await rename(tmp, file);
    return path.relative(dir, file);
  };
  return {
    provider: 'outbox',
    idempotent: true,
    async send(m: OutgoingMessage): Promise<SendResult> {
      if (m.channel === 'email') {
        const info = await composer.sendMail(
          emailOptions(m, { from: defaultFrom, messageIdDomain: domainOf(defaultFrom) }),
        );
        const raw = info.message;
        // buffer: true makes nodemailer hand back the whole message as one Buffer.
        const rel = await write(m, Buffer.isBuffer(raw) ? raw : Buffer.from(JSON.stringify(raw)));
        return { kind: 'sent', providerMessageId: rel };
      }
      const rel = await write(
        m,
        JSON.stringify(
          {
            deliveryKey: m.deliveryKey,
            channel: m.channel,
            purpose: m.purpose,
            to: m.target,
            from: m.sender,
            subject: m.subject,
            text: m.text,
            html: m.html,
          },
          null,
          2,
        ),
      );
      return { kind: 'sent', providerMessageId: rel };
    },
  };
}
