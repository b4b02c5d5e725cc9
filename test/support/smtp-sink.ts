import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { simpleParser, type ParsedMail } from 'mailparser';

export interface SmtpSink {
  port: number;
  /** Messages received, parsed, in arrival order. */
  received: { envelope: { from: string; to: string[] }; raw: string; parsed: ParsedMail }[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 for tests and benchmarks. `onRcpt` may refuse a recipient
 * (throw an Error with `responseCode`); `hang` never answers DATA; `parse: false` skips parsing
 * (for throughput runs).
 */
export async function startSmtpSink(
  opts: {
    onRcpt?: (address: string) => void;
    hang?: boolean;
    parse?: boolean;
  } = {},
): Promise<SmtpSink> {
  const received: SmtpSink['received'] = [];
  const options: SMTPServerOptions = {
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onRcptTo(address, _session, cb) {
      try {
        opts.onRcpt?.(address.address);
        cb();
      } catch (err) {
        cb(err as Error);
      }
    },
    onData(stream, session, cb) {
      if (opts.hang) return; // never answer
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        const envelope = {
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
        };
        if (opts.parse === false) {
          received.push({ envelope, raw, parsed: {} as ParsedMail });
          cb();
          return;
        }
        simpleParser(raw).then(
          (parsed) => {
            received.push({ envelope, raw, parsed });
            cb();
          },
          (err: Error) => cb(err),
        );
      });
    },
  };
  const server = new SMTPServer(options);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** An SMTP reply error for `onRcpt`. */
export function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}
