import { SMTPServer } from 'smtp-server';
import type { Logger } from 'pino';
import type { InboundMailService } from './inbound-mail.service.ts';

/**
 * The inbound SMTP listener: bounce reports, complaints and mailto unsubscribes arrive here (point
 * the Return-Path domain's MX, or the ESP's forwarding, at it). Every message is accepted once it
 * has been read, so a sender never retries a report we already handled; a message that fails to
 * parse is accepted and logged, because a retry would fail the same way.
 */
export async function startInboundSmtp(opts: {
  host: string;
  port: number;
  mail: InboundMailService;
  logger?: Logger | undefined;
  /** Largest message accepted, bytes. */
  maxBytes?: number;
}): Promise<{ port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    logger: false,
    size: opts.maxBytes ?? 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        opts.mail.handle(Buffer.concat(chunks)).then(
          () => callback(),
          (err: unknown) => {
            opts.logger?.error({ err }, 'inbound mail could not be handled');
            callback();
          },
        );
      });
    },
  });
  server.on('error', (err) => opts.logger?.error({ err }, 'inbound SMTP error'));
  await new Promise<void>((resolve) => server.listen(opts.port, opts.host, resolve));
  const address = server.server.address();
  return {
    port: typeof address === 'object' && address ? address.port : opts.port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
