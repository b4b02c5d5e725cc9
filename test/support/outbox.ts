import type { Customer } from '../../src/db/schema.ts';
import type { NewOutboxMessage } from '../../src/delivery/outbox.store.ts';

let n = 0;

/**
 * An outbox message for a customer as a test needs it: a queued service e-mail to the customer's
 * address, due at `dueAt`, with a unique delivery key unless one is given.
 */
export function outboxMessage(
  c: Pick<Customer, 'id' | 'store_id' | 'email'>,
  dueAt: Date,
  over: Partial<NewOutboxMessage> = {},
): NewOutboxMessage {
  const ref = over.sourceRef ?? `test-${++n}`;
  return {
    storeId: c.store_id,
    customerId: c.id,
    deliveryKey: `manual:${ref}:${c.id}:email:`,
    sourceKind: 'manual',
    sourceRef: ref,
    step: '',
    channel: 'email',
    purpose: 'service',
    contactType: null,
    templateVersionId: null,
    userId: null,
    target: c.email,
    sender: null,
    cc: [],
    bcc: [],
    subject: 'Your vehicle',
    html: '<p>Your vehicle</p>',
    text: 'Your vehicle',
    status: 'queued',
    statusReason: null,
    statusDetail: null,
    dueAt,
    ...over,
  };
}
