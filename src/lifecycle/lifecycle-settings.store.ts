import type { Kysely } from 'kysely';
import type { Database, LifecycleSettingsRow } from '../db/schema.ts';
import { LIFECYCLE_STEPS, type LifecycleIntervals, type LifecycleStep } from './lifecycle.rules.ts';

/** A store's 360° set-up as the rules and the run read it. */
export interface LifecycleSetup {
  storeId: number;
  emailOn: boolean;
  postcardsOn: boolean;
  /** 'HH:MM', store-local. */
  runTime: string;
  intervals: LifecycleIntervals;
  /** Steps sent as marketing (consent required); the others are service messages. */
  marketingSteps: LifecycleStep[];
  updatedAt: Date | null;
}

/** The set-up of a store that has never saved one: off, with the product's suggested days. */
export const DEFAULT_SETUP: Omit<LifecycleSetup, 'storeId'> = {
  emailOn: false,
  postcardsOn: false,
  runTime: '08:00',
  intervals: {
    reminder1Days: 14,
    reminder2Days: 2,
    noShowDays: 1,
    thankYouDays: 1,
    deferredDays: 30,
    inactiveDays: 180,
    inactiveIntervalDays: 90,
    deadDays: 540,
  },
  marketingSteps: [],
  updatedAt: null,
};

const isStep = (s: string): s is LifecycleStep => (LIFECYCLE_STEPS as readonly string[]).includes(s);

function fromRow(r: LifecycleSettingsRow): LifecycleSetup {
  return {
    storeId: r.store_id,
    emailOn: r.email_on,
    postcardsOn: r.postcards_on,
    runTime: r.run_time,
    intervals: {
      reminder1Days: r.reminder_1_days,
      reminder2Days: r.reminder_2_days,
      noShowDays: r.no_show_days,
      thankYouDays: r.thank_you_days,
      deferredDays: r.deferred_days,
      inactiveDays: r.inactive_days,
      inactiveIntervalDays: r.inactive_interval_days,
      deadDays: r.dead_days,
    },
    marketingSteps: r.marketing_steps.filter(isStep),
    updatedAt: r.updated_at,
  };
}

/** The store's set-up, or the defaults when it has none. */
export async function loadSetup(db: Kysely<Database>, storeId: number): Promise<LifecycleSetup> {
  const row = await db.selectFrom('lifecycle_settings').selectAll().where('store_id', '=', storeId).executeTakeFirst();
  return row ? fromRow(row) : { storeId, ...DEFAULT_SETUP };
}

/** Writes the whole set-up (insert or update). */
export async function saveSetup(
  db: Kysely<Database>,
  setup: Omit<LifecycleSetup, 'updatedAt'>,
  userId: number | null,
  now: Date,
): Promise<LifecycleSetup> {
  const i = setup.intervals;
  const values = {
    email_on: setup.emailOn,
    postcards_on: setup.postcardsOn,
    run_time: setup.runTime,
    reminder_1_days: i.reminder1Days,
    reminder_2_days: i.reminder2Days,
    no_show_days: i.noShowDays,
    thank_you_days: i.thankYouDays,
    deferred_days: i.deferredDays,
    inactive_days: i.inactiveDays,
    inactive_interval_days: i.inactiveIntervalDays,
    dead_days: i.deadDays,
    marketing_steps: setup.marketingSteps,
    updated_at: now,
    updated_by: userId,
  };
  const row = await db
    .insertInto('lifecycle_settings')
    .values({ store_id: setup.storeId, ...values })
    .onConflict((oc) => oc.column('store_id').doUpdateSet(values))
    .returningAll()
    .executeTakeFirstOrThrow();
  return fromRow(row);
}

/** Stores whose module is on (e-mail or postcards), for the daily run. */
export async function storesSwitchedOn(db: Kysely<Database>): Promise<LifecycleSetup[]> {
  const rows = await db
    .selectFrom('lifecycle_settings')
    .selectAll()
    .where((eb) => eb.or([eb('email_on', '=', true), eb('postcards_on', '=', true)]))
    .execute();
  return rows.map(fromRow);
}
