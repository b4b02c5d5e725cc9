import { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest, preParsingAsyncHookHandler } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { DomainError } from '../../shared/errors.ts';
import { receiptDigest, verifyHmac } from './signatures.ts';

/**
 * The raw bytes of a signed webhook's body, kept before the JSON parser sees the stream (the
 * signature covers the exact bytes), with a size limit.
 */
export function rawBodyKeeper(limitBytes: number): {
  preParsing: preParsingAsyncHookHandler;
  rawOf(req: FastifyRequest): string;
} {
  const raw = new WeakMap<FastifyRequest, string>();
  return {
    preParsing: async (req, _reply, payload) => {
      const chunks: Buffer[] = [];
      let size = 0;
      for await (const chunk of payload) {
        const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
        size += b.length;
        if (size > limitBytes)
          throw new DomainError('invalid_input', `The body is larger than ${Math.round(limitBytes / 1024)} KB.`);
        chunks.push(b);
      }
      const body = Buffer.concat(chunks);
      raw.set(req, body.toString('utf8'));
      return Object.assign(Readable.from([body]), { receivedEncodedLength: body.length });
    },
    rawOf: (req) => raw.get(req) ?? '',
  };
}

/**
 * The generic signature scheme's checks (X-Forecourt-Timestamp, X-Forecourt-Signature = hex
 * HMAC-SHA256 of "<timestamp>.<raw body>"), in order: a bad or stale signature is a 403, a signed
 * body of the wrong shape a 400 (`bodyError`; not recorded, so a corrected retry goes through),
 * a repeat of an accepted request a 409 — each sent here. True when the request may be processed.
 */
export async function acceptSigned(
  req: FastifyRequest,
  reply: FastifyReply,
  o: { db: Kysely<Database>; now: Date; secret: string; raw: string; receiptKind: string; bodyError: string | null },
): Promise<boolean> {
  const ts = req.headers['x-forecourt-timestamp'];
  const sig = req.headers['x-forecourt-signature'];
  const signature = typeof sig === 'string' ? sig : undefined;
  const check = verifyHmac(o.secret, typeof ts === 'string' ? ts : undefined, o.raw, signature, o.now);
  if (!check.ok) {
    await reply.status(403).send({ error: { code: 'webhook_signature', message: `Refused: ${check.reason}.` } });
    return false;
  }
  if (o.bodyError !== null) {
    await reply.status(400).send({ error: { code: 'invalid_input', message: o.bodyError } });
    return false;
  }
  const fresh = await o.db
    .insertInto('webhook_receipts')
    .values({ digest: receiptDigest(o.receiptKind, signature ?? '', o.raw), received_at: o.now })
    .onConflict((oc) => oc.column('digest').doNothing())
    .returning('digest')
    .executeTakeFirst();
  if (!fresh) {
    await reply.status(409).send({ error: { code: 'webhook_replay', message: 'This request was already received.' } });
    return false;
  }
  return true;
}
