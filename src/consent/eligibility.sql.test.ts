import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildStore } from '../../test/support/factories.ts';
import type { Db } from '../db/connect.ts';
import type { Customer, Store } from '../db/schema.ts';
import { CHANNELS, PURPOSES, LEGAL_BASES } from './consent.types.ts';
import { countEligibility, eligibilityByCustomer } from './eligibility.sql.ts';
import { decideFor, loadEligibilityFacts } from './eligibility.service.ts';
import { DAY_PARTS } from './quiet-hours.rules.ts';
import { recordReachability } from './reachability.store.ts';
import { seededRandom } from '../../test/support/random.ts';

const rng = seededRandom;

const SEED = 20261123;
const DAY = 86_400_000;
const T0 = Date.UTC(2024, 0, 1);
/** 20:15 in New York and Miami: Florida's window (to 20:00) has closed, the default's has not. */
const FLORIDA_CLOSED = new Date('2026-06-17T00:15:00Z');
let db: Db;
let stores: Store[];
let population: Customer[];

/** A population that exercises every rule: consent histories, switches, addresses, regions, reachability. */
async function generate(r: ReturnType<typeof rng>, store: Store, n: number): Promise<Customer[]> {
  // Many without a usable region, so the area code decides: Florida (Eastern and Central), other
  // zones, toll-free and foreign numbers that fall through to the store.
  const regions =
    store.country === 'CA'
      ? ['ON', 'QC', 'AB', 'NS', 'SK', null, null, ' ', 'ZZ']
      : ['FL', 'TX', 'NY', 'OK', 'CA', null, null, ''];
  const codes = ['416', '905', '604', '514', '212', '305', '786', '850', '312', '907', '808', '602', '915', '800'];
  const phone = (i: number) =>
    r.chance(0.05) ? `+4420794${String(60000 + i)}` : `+1${r.pick(codes)}555${String(1000 + i).slice(-4)}`;
  const rows = Array.from({ length: n }, (_, i) => ({
    store_id: store.id,
    dms_customer_number: `G${i}`,
    first_name: 'Gen',
    last_name: `Pop${i}`,
    cell_phone: r.chance(0.8) ? phone(i) : null,
    home_phone: r.chance(0.6) ? phone(i) : null,
    work_phone: r.chance(0.4) ? phone(i) : null,
    day_preference: r.pick(['day', 'late_day', null] as const),
    email: r.chance(0.75) ? `Gen.Pop${i}@Example.test` : null,
    address_line1: r.chance(0.85) ? `${i} Main St` : r.pick([null, '']),
    city: r.chance(0.8) ? 'Town' : null,
    postal_code: r.chance(0.5) ? 'A1A 1A1' : null,
    country: r.pick([store.country, store.country, null, store.country === 'CA' ? 'US' : 'CA']),
    region: r.pick(regions),
    mail_on: r.chance(0.9),
    home_phone_on: r.chance(0.9),
    work_phone_on: r.chance(0.9),
    cell_phone_on: r.chance(0.85),
    email_on: r.chance(0.9),
    do_not_mail: r.chance(0.1),
    casl_opt_out: r.chance(0.1),
  }));
  const customers = await db.kysely.insertInto('customers').values(rows).returningAll().execute();
  const consent = customers.flatMap((c) =>
    Array.from({ length: r.int(0, 6) }, () => {
      const granted = r.chance(0.7);
      return {
        store_id: store.id,
        customer_id: c.id,
        channel: r.pick(CHANNELS),
        purpose: r.pick(PURPOSES),
        granted,
        basis: granted ? r.pick(LEGAL_BASES) : null,
        source: 'import' as const,
        actor_user_id: null,
        wording: null,
        occurred_at: new Date(T0 + r.int(0, 900) * DAY + r.pick([0, 0, 3_600_000])),
      };
    }),
  );
  if (consent.length) await db.kysely.insertInto('consent_events').values(consent).execute();
  const deals = customers
    .filter(() => r.chance(0.3))
    .map((c, i) => ({
      store_id: store.id,
      customer_id: c.id,
      deal_number: `D${store.id}-${i}`,
      sold_on: new Date(T0 + r.int(-400, 800) * DAY).toISOString().slice(0, 10),
    }));
  if (deals.length) await db.kysely.insertInto('deals').values(deals).execute();
  const visits = customers
    .filter(() => r.chance(0.3))
    .map((c, i) => ({
      store_id: store.id,
      customer_id: c.id,
      ro_number: `R${store.id}-${i}`,
      department: 'service' as const,
      visit_date: new Date(T0 + r.int(-400, 800) * DAY).toISOString().slice(0, 10),
    }));
  if (visits.length) await db.kysely.insertInto('visits').values(visits).execute();
  const salesperson = await db.kysely
    .insertInto('salespeople')
    .values({ store_id: store.id, name: `SP${store.id}` })
    .returning('id')
    .executeTakeFirstOrThrow();
  const inquiries = customers
    .filter(() => r.chance(0.2))
    .map((c) => ({
      store_id: store.id,
      customer_id: c.id,
      salesperson_id: salesperson.id,
      kind: 'inquiry',
      activity_on: new Date(T0 + r.int(0, 800) * DAY).toISOString().slice(0, 10),
    }));
  if (inquiries.length) await db.kysely.insertInto('sales_activities').values(inquiries).execute();
  for (const c of customers) {
    const events = [];
    const lines = [
      ['cell_phone', c.cell_phone],
      ['home_phone', c.home_phone],
      ['work_phone', c.work_phone],
      ['email', c.email?.toLowerCase() ?? null],
    ] as const;
    for (const [line, address] of lines) {
      if (!address || !r.chance(0.35)) continue;
      for (let k = r.int(1, 7); k > 0; k--) {
        const outcome =
          line === 'email'
            ? r.pick(['bounce', 'bounce', 'complaint', 'verified', 'delivered'] as const)
            : r.pick(['impossible', 'impossible', 'busy', 'unavailable', 'delivered', 'verified'] as const);
        const source =
          line === 'email' ? ('email' as const) : r.pick(['voice_batch', 'voice_campaign', 'call'] as const);
        events.push({ address, line, outcome, source, occurred_at: new Date(T0 + r.int(600, 900) * DAY) });
      }
    }
    await recordReachability(db.kysely, store, events);
  }
  return customers;
}

beforeAll(async () => {
  db = await openTestDb();
  const r = rng(SEED);
  const ca = await buildStore(db.kysely, { code: 'GCA', country: 'CA', timeZone: 'America/Toronto' });
  const us = await buildStore(db.kysely, { code: 'GUS', country: 'US', timeZone: 'America/Chicago' });
  await db.kysely
    .updateTable('stores')
    .set({ send_window_start: '09:00', send_window_end: '20:30', email_bounce_limit: 2 })
    .where('id', '=', us.id)
    .execute();
  stores = await db.kysely.selectFrom('stores').selectAll().where('id', 'in', [ca.id, us.id]).orderBy('id').execute();
  await generate(r, stores[0]!, 180);
  await generate(r, stores[1]!, 120);
  // Re-read: the triggers have since set each customer's purchase and inquiry dates.
  population = await db.kysely.selectFrom('customers').selectAll().orderBy('id').execute();
}, 120_000);
afterAll(() => db.close());

describe('set-based eligibility', () => {
  it('gives the same reasons as the pure rule for every customer, channel, purpose and time', async () => {
    const r = rng(SEED + 1);
    // Noon, early morning, late evening, around DST changes and CASL expiries; and fixed times
    // where the windows differ: 20:15 in Miami (Florida's window has closed, New York's has not,
    // Pensacola's has not), 10:00 and 17:30 in Toronto (day and late-day windows).
    const times = [
      ...[0, 1, 2, 3].map(
        () => new Date(T0 + r.int(500, 1100) * DAY + r.int(0, 23) * 3_600_000 + r.pick([0, 30]) * 60_000),
      ),
      FLORIDA_CLOSED,
      new Date('2026-01-14T15:00:00Z'),
      new Date('2026-01-14T22:30:00Z'),
    ];
    let compared = 0;
    for (const store of stores) {
      const customers = population.filter((c) => c.store_id === store.id);
      for (const at of times) {
        const facts = await Promise.all(customers.map((c) => loadEligibilityFacts(db.kysely, c, store, at)));
        for (const channel of CHANNELS) {
          for (const purpose of PURPOSES) {
            for (const dayPart of DAY_PARTS) {
              const bySql = await eligibilityByCustomer(db.kysely, { store, channel, purpose, at, dayPart });
              for (const f of facts) {
                const pure = decideFor(f, { channel, purpose, at, dayPart })
                  .reasons.map((x) => x.code)
                  .sort();
                const set = [...(bySql.get(f.customer.id) ?? ['missing'])].sort();
                expect(
                  set,
                  `customer ${f.customer.id} ${channel}/${purpose}/${dayPart} at ${at.toISOString()} (seed ${SEED})`,
                ).toEqual(pure);
                compared++;
              }
            }
          }
        }
      }
    }
    expect(compared).toBe(300 * times.length * 12 * DAY_PARTS.length);
  }, 120_000);

  it('takes the zone and Florida’s window from the area code when the address has no region', async () => {
    const floridians = population.filter(
      (c) => !c.region?.trim() && (c.cell_phone ?? c.home_phone ?? c.work_phone)?.startsWith('+1305'),
    );
    const newYorkers = population.filter(
      (c) => !c.region?.trim() && (c.cell_phone ?? c.home_phone ?? c.work_phone)?.startsWith('+1212'),
    );
    expect(floridians.length).toBeGreaterThan(0);
    expect(newYorkers.length).toBeGreaterThan(0);
    const sms = async (c: Customer) => {
      const store = stores.find((s) => s.id === c.store_id)!;
      const f = await loadEligibilityFacts(db.kysely, c, store, FLORIDA_CLOSED);
      return decideFor(f, { channel: 'sms', purpose: 'service', at: FLORIDA_CLOSED });
    };
    for (const c of floridians) {
      const d = await sms(c);
      expect(d.zone).toBe('America/New_York');
      expect(d.reasons.find((x) => x.code === 'quiet_hours')?.detail).toMatch(
        /^outside 0[89]:00–20:00 in the recipient's time zone America\/New_York from area code 305$/,
      );
    }
    for (const c of newYorkers) {
      expect((await sms(c)).reasons.map((x) => x.code)).not.toContain('quiet_hours');
    }
  });

  it('keeps the CASL anchor dates on the customer as deals, visits and inquiries arrive', async () => {
    const c = population.find((x) => x.store_id === stores[0]!.id)!;
    await db.kysely
      .insertInto('deals')
      .values({ store_id: c.store_id, customer_id: c.id, deal_number: 'ANCHOR-1', sold_on: '2030-01-02' })
      .execute();
    await db.kysely
      .insertInto('visits')
      .values({
        store_id: c.store_id,
        customer_id: c.id,
        ro_number: 'ANCHOR-2',
        department: 'service',
        visit_date: '2029-05-05',
      })
      .execute();
    const sp = await db.kysely
      .selectFrom('salespeople')
      .select('id')
      .where('store_id', '=', c.store_id)
      .executeTakeFirstOrThrow();
    await db.kysely
      .insertInto('sales_activities')
      .values({
        store_id: c.store_id,
        customer_id: c.id,
        salesperson_id: sp.id,
        kind: 'inquiry',
        activity_on: '2031-03-03',
      })
      .execute();
    const after = await db.kysely
      .selectFrom('customers')
      .select(['last_purchase_on', 'last_inquiry_on'])
      .where('id', '=', c.id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual({ last_purchase_on: '2030-01-02', last_inquiry_on: '2031-03-03' });
  });

  it('counts customers per reason', async () => {
    const store = stores[0]!;
    const at = new Date(T0 + 1000 * DAY + 15 * 3_600_000);
    const counts = await countEligibility(db.kysely, { store, channel: 'sms', purpose: 'marketing', at });
    const each = await eligibilityByCustomer(db.kysely, { store, channel: 'sms', purpose: 'marketing', at });
    expect(counts.total).toBe(180);
    expect(counts.allowed).toBe([...each.values()].filter((x) => x.length === 0).length);
    const noCell = [...each.values()].filter((x) => x.includes('no_valid_cell')).length;
    expect(counts.byReason.no_valid_cell ?? 0).toBe(noCell);
    expect(noCell).toBeGreaterThan(0);
  });
});
