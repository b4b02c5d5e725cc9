import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { buildCustomer, buildStore, buildVehicle } from '../../test/support/factories.ts';
import type { Db } from '../db/connect.ts';
import type { Customer, Store } from '../db/schema.ts';
import { DomainError } from '../shared/errors.ts';
import { compileFilter, countMatching, sampleMatching } from './filter.sql.ts';
import type { FilterGroup, FilterNode, FilterRule } from './filter.types.ts';

/** Noon in Toronto on 2026-06-15: "today" for every days-ago rule below. */
const NOW = new Date('2026-06-15T16:00:00Z');
let db: Db;
let store: Store;
let other: Store;
let people: Record<'alice' | 'bob' | 'carol' | 'dan' | 'erin', Customer>;
let outsider: Customer;
let n = 0;

async function visit(
  c: Customer,
  visit_date: string,
  department: 'service' | 'body_shop',
  deferred_items: string[] = [],
  labour_total = 100,
) {
  await db.kysely
    .insertInto('visits')
    .values({
      store_id: c.store_id,
      customer_id: c.id,
      ro_number: `RO${++n}`,
      visit_date,
      department,
      deferred_items,
      labour_total,
    })
    .execute();
}
async function appointment(c: Customer, scheduled_at: string, status: 'scheduled' | 'no_show') {
  await db.kysely
    .insertInto('appointments')
    .values({
      store_id: c.store_id,
      customer_id: c.id,
      dms_appointment_number: `A${++n}`,
      scheduled_at: new Date(scheduled_at),
      status,
    })
    .execute();
}

beforeAll(async () => {
  db = await openTestDb();
  const k = db.kysely;
  store = await buildStore(k, { timeZone: 'America/Toronto' });
  other = await buildStore(k, { timeZone: 'America/Toronto' });

  const alice = await buildCustomer(k, store.id, {
    first_name: 'Alice',
    language: 'fr',
    city: 'Montréal',
    // 23:30 on 29 February in Toronto, already 1 March in UTC.
    created_at: new Date('2020-03-01T04:30:00Z'),
  });
  await buildVehicle(k, alice, { make: 'Honda', model: 'Civic', year: 2017, odometer: 80_000 });
  await visit(alice, '2025-10-01', 'service', ['Front brake pads 3mm', 'Wiper blades']);

  const bob = await buildCustomer(k, store.id, { first_name: 'Bob', language: 'en', city: 'Toronto' });
  await buildVehicle(k, bob, { make: 'Honda', model: 'Accord', year: 2012, odometer: 150_000 });
  await buildVehicle(k, bob, { make: 'Toyota', model: 'Corolla', year: 2018, odometer: 20_000 });
  await visit(bob, '2026-05-01', 'service', ['Tire rotation']);
  await appointment(bob, '2026-07-01T13:00:00Z', 'scheduled');
  await k
    .insertInto('outbox_messages')
    .values({
      store_id: store.id,
      customer_id: bob.id,
      delivery_key: `manual:${bob.id}:sms:1`,
      source_kind: 'manual',
      channel: 'sms',
      purpose: 'service',
      status: 'sent',
      due_at: new Date('2026-06-05T14:00:00Z'),
      sent_at: new Date('2026-06-05T14:00:00Z'),
    })
    .execute();

  const carol = await buildCustomer(k, store.id, { first_name: 'Carol', language: 'en', city: 'Toronto' });
  await buildVehicle(k, carol, { make: 'Honda', model: 'CR-V', year: 2019, odometer: 30_000 });
  await visit(carol, '2025-01-10', 'service', [], 250);
  await visit(carol, '2026-06-01', 'body_shop', [], 900);
  await appointment(carol, '2026-06-10T13:00:00Z', 'no_show');

  const dan = await buildCustomer(k, store.id, {
    first_name: 'Dan',
    language: 'fr',
    city: 'Québec',
    is_prospect: true,
    customer_type: 'fleet',
  });

  const erin = await buildCustomer(k, store.id, { first_name: 'Erin', language: null, city: null });
  await buildVehicle(k, erin, { make: 'Ford', model: 'F-150', year: 2016, odometer: 61_000 });
  await visit(erin, '2024-12-01', 'service', ['Rear BRAKE rotors']);
  await k
    .insertInto('deals')
    .values({ store_id: store.id, customer_id: erin.id, deal_number: 'D1', sold_on: '2023-05-05', sale_type: 'lease' })
    .execute();

  people = { alice, bob, carol, dan, erin };

  // Another store's customer who matches every example: no query of `store` may ever return them.
  outsider = await buildCustomer(k, other.id, { first_name: 'Olga', language: 'fr', city: 'Montréal' });
  await buildVehicle(k, outsider, { make: 'Honda', year: 2017, odometer: 90_000 });
  await visit(outsider, '2024-01-01', 'service', ['brake fluid']);
});
afterAll(() => db.close());

const and = (...rules: FilterNode[]): FilterGroup => ({ op: 'and', rules });
const or = (...rules: FilterNode[]): FilterGroup => ({ op: 'or', rules });
const r = (field: string, operator: string, value?: unknown): FilterRule =>
  value === undefined ? { field, operator } : { field, operator, value };

/** The first names of the store's customers the tree matches, sorted. */
async function matching(tree: FilterGroup, storeId = store.id): Promise<string[]> {
  const where = compileFilter(tree, { storeId, now: NOW, timeZone: 'America/Toronto' });
  const { rows } = await sql<{ first_name: string }>`select c.first_name from customers c where ${where}`.execute(
    db.kysely,
  );
  return rows.map((x) => x.first_name).sort();
}

describe('the issue’s examples', () => {
  it('last service more than 180 days ago (customers never serviced are not "more than")', async () => {
    expect(await matching(and(r('visit.last_service_date', 'more_than_days_ago', 180)))).toEqual([
      'Alice',
      'Carol',
      'Erin',
    ]);
    expect(await matching(and(r('visit.last_service_date', 'never')))).toEqual(['Dan']);
    expect(await matching(and(r('visit.last_service_date', 'less_than_days_ago', 46)))).toEqual(['Bob']);
    expect(await matching(and(r('visit.last_service_date', 'less_than_days_ago', 45)))).toEqual([]);
  });

  it('make is Honda, whatever the case', async () => {
    expect(await matching(and(r('vehicle.make', 'is', 'Honda')))).toEqual(['Alice', 'Bob', 'Carol']);
    expect(await matching(and(r('vehicle.make', 'is', 'hONDA')))).toEqual(['Alice', 'Bob', 'Carol']);
  });

  it('vehicle year 2015–2019, inclusive', async () => {
    expect(await matching(and(r('vehicle.year', 'between', [2015, 2019])))).toEqual(['Alice', 'Bob', 'Carol', 'Erin']);
  });

  it('a deferred item contains "brake" (any visit, any case)', async () => {
    expect(await matching(and(r('visit.deferred_item', 'contains', 'brake')))).toEqual(['Alice', 'Erin']);
  });

  it('no appointment booked', async () => {
    expect(await matching(and(r('appointment.next', 'is_false')))).toEqual(['Alice', 'Carol', 'Dan', 'Erin']);
    expect(await matching(and(r('appointment.next', 'is_true')))).toEqual(['Bob']);
  });

  it('odometer above 60,000', async () => {
    expect(await matching(and(r('vehicle.odometer', 'gt', 60_000)))).toEqual(['Alice', 'Bob', 'Erin']);
  });

  it('language is French', async () => {
    expect(await matching(and(r('customer.language', 'is', 'fr')))).toEqual(['Alice', 'Dan']);
  });

  it('nests AND and OR groups', async () => {
    expect(
      await matching(
        or(
          r('customer.language', 'is', 'fr'),
          and(r('vehicle.make', 'is', 'Honda'), r('vehicle.odometer', 'gt', 100_000)),
        ),
      ),
    ).toEqual(['Alice', 'Bob', 'Dan']);
    expect(
      await matching(
        and(
          r('visit.last_service_date', 'more_than_days_ago', 180),
          or(r('customer.language', 'is', 'fr'), r('visit.deferred_item', 'contains', 'brake')),
        ),
      ),
    ).toEqual(['Alice', 'Erin']);
  });
});

describe('same vehicle, same visit', () => {
  it('reads vehicle rules side by side in an AND group as one vehicle', async () => {
    // Bob has a 2012 Honda and a 2018 Toyota: a Honda, and a 2015–2019 car, but no 2015–2019 Honda.
    const hondaOfTheYears = and(r('vehicle.make', 'is', 'Honda'), r('vehicle.year', 'between', [2015, 2019]));
    expect(await matching(hondaOfTheYears)).toEqual(['Alice', 'Carol']);
    // The same rules in separate groups may be met by different vehicles.
    expect(
      await matching(and(r('vehicle.make', 'is', 'Honda'), and(r('vehicle.year', 'between', [2015, 2019])))),
    ).toEqual(['Alice', 'Bob', 'Carol']);
    // Joined by OR, each rule is its own vehicle.
    expect(await matching(or(r('vehicle.make', 'is', 'Toyota'), r('vehicle.odometer', 'gt', 100_000)))).toEqual([
      'Bob',
    ]);
  });

  it('keeps customer rules between vehicle rules out of the vehicle’s exists', async () => {
    expect(
      await matching(
        and(r('vehicle.make', 'is', 'Honda'), r('customer.city', 'is', 'Toronto'), r('vehicle.odometer', 'lt', 50_000)),
      ),
    ).toEqual(['Carol']);
  });

  it('reads visit rules side by side as one visit: brake work deferred in the last year', async () => {
    expect(
      await matching(and(r('visit.deferred_item', 'contains', 'brake'), r('visit.date', 'less_than_days_ago', 365))),
    ).toEqual(['Alice']);
    expect(
      await matching(and(r('visit.department', 'is', 'body_shop'), r('visit.date', 'more_than_days_ago', 30))),
    ).toEqual([]);
  });

  it('matches no vehicle rule, negative ones included, for a customer without vehicles', async () => {
    expect(await matching(and(r('vehicle.make', 'is_not', 'Honda')))).toEqual(['Bob', 'Erin']);
  });
});

describe('the other fields', () => {
  it('customer fields, with negatives that keep unknown values', async () => {
    expect(await matching(and(r('customer.city', 'is_not', 'toronto')))).toEqual(['Alice', 'Dan', 'Erin']);
    expect(await matching(and(r('customer.city', 'is_empty')))).toEqual(['Erin']);
    expect(await matching(and(r('customer.city', 'starts_with', 'qu')))).toEqual(['Dan']);
    expect(await matching(and(r('customer.language', 'not_in', ['en'])))).toEqual(['Alice', 'Dan', 'Erin']);
    expect(await matching(and(r('customer.type', 'is', 'fleet'), r('customer.is_prospect', 'is_true')))).toEqual([
      'Dan',
    ]);
  });

  it('customer since: a calendar date in the store’s time zone', async () => {
    expect(await matching(and(r('customer.created_at', 'on', '2020-02-29')))).toEqual(['Alice']);
    expect(await matching(and(r('customer.created_at', 'on', '2020-03-01')))).toEqual([]);
    expect(await matching(and(r('customer.created_at', 'before', '2020-03-01')))).toEqual(['Alice']);
    expect(await matching(and(r('customer.created_at', 'between', ['2020-01-01', '2020-02-29'])))).toEqual(['Alice']);
  });

  it('visit counts and labour', async () => {
    expect(await matching(and(r('visit.count', 'gte', 2)))).toEqual(['Carol']);
    expect(await matching(and(r('visit.count', 'eq', 0)))).toEqual(['Dan']);
    expect(await matching(and(r('visit.total_labour', 'between', [1000, 1200])))).toEqual(['Carol']);
    expect(await matching(and(r('visit.last_visit_date', 'less_than_days_ago', 20)))).toEqual(['Carol']);
  });

  it('appointments, deals and the last contact', async () => {
    expect(await matching(and(r('appointment.last_status', 'is', 'no_show')))).toEqual(['Carol']);
    expect(await matching(and(r('deal.sale_type', 'in', ['lease', 'used'])))).toEqual(['Erin']);
    expect(await matching(and(r('deal.count', 'gt', 0), r('deal.last_sold_on', 'more_than_days_ago', 365)))).toEqual([
      'Erin',
    ]);
    expect(await matching(and(r('deal.last_sold_on', 'between_days_ago', [1000, 1200])))).toEqual(['Erin']);
    expect(await matching(and(r('contact.last_contacted', 'less_than_days_ago', 30)))).toEqual(['Bob']);
    expect(await matching(and(r('contact.last_contacted', 'between_days_ago', [10, 10])))).toEqual(['Bob']);
    expect(await matching(and(r('contact.last_contacted', 'never')))).toEqual(['Alice', 'Carol', 'Dan', 'Erin']);
  });

  it('an empty root group matches every customer of the store', async () => {
    expect(await matching(and())).toEqual(['Alice', 'Bob', 'Carol', 'Dan', 'Erin']);
  });
});

describe('store scoping', () => {
  it('never matches another store’s customers, and finds them only for their own store', async () => {
    const everything = or(
      r('customer.language', 'is', 'fr'),
      r('vehicle.make', 'is', 'Honda'),
      r('visit.deferred_item', 'contains', 'brake'),
      r('visit.last_service_date', 'more_than_days_ago', 180),
    );
    expect(await matching(everything)).not.toContain('Olga');
    expect(await matching(everything, other.id)).toEqual(['Olga']);
    expect(await countMatching(db.kysely, other.id, and(r('customer.city', 'is', 'Montréal')), NOW)).toBe(1);
    expect(await countMatching(db.kysely, store.id, and(r('customer.city', 'is', 'Montréal')), NOW)).toBe(1);
  });

  it('scopes the related rows by store too (a stray row of another store does not count)', async () => {
    // A vehicle row wrongly carrying another store's id must not make store's customer match.
    await buildVehicle(db.kysely, { id: people.dan.id, store_id: other.id }, { make: 'Lada', year: 1990 });
    expect(await matching(and(r('vehicle.make', 'is', 'Lada')))).toEqual([]);
  });
});

describe('count and sample', () => {
  it('counts and samples the matching customers with their last service date', async () => {
    const tree = and(r('vehicle.make', 'is', 'Honda'));
    expect(await countMatching(db.kysely, store.id, tree, NOW)).toBe(3);
    const sample = await sampleMatching(db.kysely, store.id, tree, NOW, 2);
    expect(sample).toEqual([
      { id: people.alice.id, name: expect.stringContaining('Alice'), city: 'Montréal', lastServiceOn: '2025-10-01' },
      { id: people.bob.id, name: expect.stringContaining('Bob'), city: 'Toronto', lastServiceOn: '2026-05-01' },
    ]);
  });

  it('refuses an invalid tree with segment_invalid, naming the problem', async () => {
    const err = await countMatching(db.kysely, store.id, and(r('vehicle.colour', 'is', 'red')), NOW).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ code: 'segment_invalid', message: expect.stringContaining('vehicle.colour') });
  });
});
