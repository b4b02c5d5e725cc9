import type { Kysely } from 'kysely';
import type { Customer, Database, OutboxMessage, SourceKind } from '../../src/db/schema.ts';
import { insertMessages, type NewOutboxMessage } from '../../src/delivery/outbox.store.ts';
import { customerAddressLines } from '../../src/templates/merge-input.rows.ts';

let seq = 0;

/** A queued letter (or postcard) to a customer, addressed as an enqueuer would (name first). */
export function letterMessage(
  c: Customer,
  at: Date,
  over: Partial<NewOutboxMessage> & { sourceKind?: SourceKind } = {},
): NewOutboxMessage {
  const n = ++seq;
  const lines = customerAddressLines(c);
  return {
    storeId: c.store_id,
    customerId: c.id,
    deliveryKey: `test-letter-${n}-${c.id}`,
    sourceKind: 'manual',
    sourceRef: null,
    step: '',
    channel: 'letter',
    purpose: 'service',
    contactType: 'maintenance',
    templateVersionId: null,
    userId: null,
    target: lines.length > 1 ? lines.join('\n') : `${lines[0] ?? 'Resident'}\n1 Test Street\nToronto ON  M5V 2T6`,
    sender: null,
    cc: [],
    bcc: [],
    subject: null,
    html: `<p>Dear ${c.first_name ?? 'customer'},</p><p>Your car is due for service.</p>`,
    text: null,
    status: 'queued',
    statusReason: null,
    statusDetail: null,
    dueAt: at,
    ...over,
  };
}

/** Writes letters to the outbox and returns their rows. */
export async function insertLetters(
  db: Kysely<Database>,
  messages: NewOutboxMessage[],
  at: Date,
): Promise<OutboxMessage[]> {
  return (await insertMessages(db, messages, at)).created;
}
