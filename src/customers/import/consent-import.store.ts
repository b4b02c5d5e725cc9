import { sql, type Kysely } from 'kysely';
import type { Channel, LegalBasis } from '../../consent/consent.types.ts';
import { CHANNELS } from '../../consent/consent.types.ts';
import type { Database } from '../../db/schema.ts';
import { planConsent, type LatestEvent } from './consent-import.rules.ts';
import type { CustomerRow } from './customers.rules.ts';

/** What recording a batch's consents did. */
export interface ConsentOutcome {
  /** Customer numbers whose ledger got at least one event. */
  changed: Set<string>;
  appended: number;
  warnings: { key: string; field: string; reason: string }[];
}

interface LatestRow {
  k: string;
  id: number | string;
  channel: Channel | null;
  granted: boolean | null;
  basis: LegalBasis | null;
  source: LatestEvent['source'] | null;
  occurred_at: Date | null;
}

function isChannel(v: string | null): v is Channel {
  return v !== null && (CHANNELS as readonly string[]).includes(v);
}

/**
 * Records the marketing consents a batch of customer rows states, set-based: one query reads
 * each customer's decisive event per channel (latest wins, a withdrawal wins a tie, as
 * `deriveConsent` decides; the ledger's index on (customer, channel, purpose, occurred_at)
 * serves it), `planConsent` decides per row and channel, and one insert appends the changes
 * with source 'import', no actor and the wording "DMS import: <column>". Run it after the
 * batch's customers are written, in the same transaction.
 */
export async function recordImportedConsents(
  db: Kysely<Database>,
  storeId: number,
  rows: readonly CustomerRow[],
  importedAt: Date,
): Promise<ConsentOutcome> {
  const outcome: ConsentOutcome = { changed: new Set(), appended: 0, warnings: [] };
  const withConsent = rows.filter((r) => r.consents.length > 0);
  if (withConsent.length === 0) return outcome;
  const keys = withConsent.map((r) => r.dms_customer_number);
  const channels = [...new Set(withConsent.flatMap((r) => r.consents.map((c) => c.channel)))];

  const { rows: found } = await sql<LatestRow>`
    select c.dms_customer_number as k, c.id, e.channel, e.granted, e.basis, e.source, e.occurred_at
    from customers c
    left join lateral (
      select distinct on (e.channel) e.channel, e.granted, e.basis, e.source, e.occurred_at
      from consent_events e
      where e.customer_id = c.id and e.purpose = 'marketing'
        and e.channel = any(${channels}::text[]) and e.occurred_at <= ${importedAt.toISOString()}::timestamptz
      order by e.channel, e.occurred_at desc, e.granted asc, e.id desc
    ) e on true
    where c.store_id = ${storeId} and c.dms_customer_number = any(${keys}::text[])`.execute(db);

  const customers = new Map<string, { id: number; latest: Map<Channel, LatestEvent> }>();
  for (const f of found) {
    let c = customers.get(f.k);
    if (!c) customers.set(f.k, (c = { id: Number(f.id), latest: new Map() }));
    if (isChannel(f.channel) && f.granted !== null && f.source !== null && f.occurred_at !== null) {
      c.latest.set(f.channel, {
        channel: f.channel,
        granted: f.granted,
        basis: f.basis,
        source: f.source,
        occurredAt: new Date(f.occurred_at),
      });
    }
  }

  const ids: number[] = [];
  const chans: Channel[] = [];
  const granted: boolean[] = [];
  const bases: (LegalBasis | null)[] = [];
  const wordings: string[] = [];
  const times: string[] = [];
  for (const row of withConsent) {
    const customer = customers.get(row.dms_customer_number);
    if (!customer) continue;
    for (const consent of row.consents) {
      const plan = planConsent(consent, customer.latest.get(consent.channel), importedAt);
      if (plan.action === 'warn') {
        outcome.warnings.push({
          key: row.dms_customer_number,
          field: `${consent.channel}_marketing_consent`,
          reason: plan.reason,
        });
        continue;
      }
      if (plan.action === 'none') continue;
      ids.push(customer.id);
      chans.push(consent.channel);
      granted.push(plan.granted);
      bases.push(plan.basis);
      wordings.push(`DMS import: ${consent.column}`);
      times.push(plan.occurredAt.toISOString());
      outcome.changed.add(row.dms_customer_number);
    }
  }
  if (ids.length === 0) return outcome;
  await sql`
    insert into consent_events
      (store_id, customer_id, channel, purpose, granted, basis, source, actor_user_id, wording, occurred_at, recorded_at)
    select ${storeId}, u.customer_id, u.channel, 'marketing', u.granted, u.basis, 'import', null, u.wording, u.occurred_at,
      ${importedAt.toISOString()}::timestamptz
    from unnest(${ids}::int8[], ${chans}::text[], ${granted}::bool[], ${bases}::text[], ${wordings}::text[],
      ${times}::timestamptz[]) as u(customer_id, channel, granted, basis, wording, occurred_at)`.execute(db);
  outcome.appended = ids.length;
  return outcome;
}
