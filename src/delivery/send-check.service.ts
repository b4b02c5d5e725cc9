import type { Kysely } from 'kysely';
import type { Channel } from '../consent/consent.types.ts';
import { decideFor, loadEligibilityFacts } from '../consent/eligibility.service.ts';
import { eligibilityByCustomer } from '../consent/eligibility.sql.ts';
import type { Database, OutboxMessage, TemplateChannel } from '../db/schema.ts';

/** What the send-time check says about one message. */
export type Verdict =
  { kind: 'send' } | { kind: 'skip'; reason: string; detail: string } | { kind: 'defer'; until: Date; detail: string };

/**
 * A check a message's source adds at send time (a lifecycle reminder whose appointment moved):
 * the verdicts it returns replace 'send' for those messages. Passed in by the composition root,
 * so delivery does not depend on the modules that enqueue.
 */
export type SourceCheck = (messages: readonly OutboxMessage[], now: Date) => Promise<Map<number, Verdict>>;

/** Eligibility, then each source check for the messages still to send. */
export async function checkAtSendWith(
  db: Kysely<Database>,
  messages: readonly OutboxMessage[],
  now: Date,
  sourceChecks: readonly SourceCheck[],
): Promise<Map<number, Verdict>> {
  const verdicts = await checkAtSend(db, messages, now);
  for (const check of sourceChecks) {
    const sending = messages.filter((m) => verdicts.get(m.id)?.kind === 'send');
    if (sending.length === 0) break;
    for (const [id, v] of await check(sending, now)) verdicts.set(id, v);
  }
  return verdicts;
}

/** The consent channel an outbox channel is decided under. */
export function consentChannel(channel: TemplateChannel): Channel {
  switch (channel) {
    case 'email':
    case 'sms':
    case 'voice':
      return channel;
    case 'letter':
    case 'postcard':
      return 'letter';
  }
}

/** The addresses a customer has now for a channel: a message is only sent to one of them. */
function currentTargets(
  c: { email: string | null; cell_phone: string | null; home_phone: string | null; work_phone: string | null },
  channel: TemplateChannel,
): (string | null)[] {
  switch (channel) {
    case 'email':
      return [c.email?.toLowerCase() ?? null];
    case 'sms':
      return [c.cell_phone];
    case 'voice':
      return [c.cell_phone, c.home_phone];
    case 'letter':
    case 'postcard':
      return [];
  }
}

/**
 * Eligibility again, at send time, for a batch of claimed messages: one set-based query per
 * (store, channel, purpose) group. Consent withdrawn, a STOP, a bounce or a switch turned off
 * since the message was queued skips it; quiet hours defer it to the window's next opening.
 */
export async function checkAtSend(
  db: Kysely<Database>,
  messages: readonly OutboxMessage[],
  now: Date,
): Promise<Map<number, Verdict>> {
  const verdicts = new Map<number, Verdict>();
  // A test send goes to a staff address, not a customer: nothing to check.
  for (const m of messages) if (m.customer_id === null) verdicts.set(m.id, { kind: 'send' });
  const toCheck = messages.filter((m): m is OutboxMessage & { customer_id: number } => m.customer_id !== null);
  if (toCheck.length === 0) return verdicts;
  const customers = new Map(
    (
      await db
        .selectFrom('customers')
        .selectAll()
        .where(
          'id',
          'in',
          toCheck.map((m) => m.customer_id),
        )
        .execute()
    ).map((c) => [c.id, c]),
  );
  const stores = new Map(
    (
      await db
        .selectFrom('stores')
        .selectAll()
        .where('id', 'in', [...new Set(toCheck.map((m) => m.store_id))])
        .execute()
    ).map((s) => [s.id, s]),
  );
  const groups = new Map<string, (typeof toCheck)[number][]>();
  for (const m of toCheck) {
    const key = `${m.store_id}|${m.channel}|${m.purpose}`;
    const list = groups.get(key);
    if (list) list.push(m);
    else groups.set(key, [m]);
  }
  for (const group of groups.values()) {
    const first = group[0];
    const store = first ? stores.get(first.store_id) : undefined;
    if (!first || !store) continue;
    const channel = consentChannel(first.channel);
    const reasons = await eligibilityByCustomer(
      db,
      { store, channel, purpose: first.purpose, at: now },
      group.map((m) => m.customer_id),
    );
    for (const m of group) {
      const customer = customers.get(m.customer_id);
      const r = reasons.get(m.customer_id) ?? [];
      if (!customer) {
        verdicts.set(m.id, { kind: 'skip', reason: 'customer_missing', detail: 'the customer no longer exists' });
      } else if (r.length === 0) {
        const targets = currentTargets(customer, m.channel);
        const stale = targets.length > 0 && m.target !== null && !targets.includes(m.target.toLowerCase());
        verdicts.set(
          m.id,
          stale
            ? { kind: 'skip', reason: 'target_changed', detail: `${m.target} is no longer on the customer's file` }
            : { kind: 'send' },
        );
      } else if (r.length === 1 && r[0] === 'quiet_hours') {
        // Rare: the single-customer rule says when the recipient's window opens.
        const facts = await loadEligibilityFacts(db, customer, store, now);
        const d = decideFor(facts, { channel, purpose: m.purpose, at: now });
        verdicts.set(
          m.id,
          d.deferUntil
            ? { kind: 'defer', until: d.deferUntil, detail: d.reasons.map((x) => x.detail).join('; ') }
            : d.allowed
              ? { kind: 'send' }
              : {
                  kind: 'skip',
                  reason: d.reasons[0]?.code ?? 'not_eligible',
                  detail: d.reasons.map((x) => x.detail).join('; '),
                },
        );
      } else {
        verdicts.set(m.id, {
          kind: 'skip',
          reason: r.filter((x) => x !== 'quiet_hours')[0] ?? 'not_eligible',
          detail: `not eligible at send time: ${r.join(', ')}`,
        });
      }
    }
  }
  return verdicts;
}
