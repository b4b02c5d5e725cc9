/**
 * A customer's history at the store: vehicles and how they were bought, repair orders over four
 * years with a rising odometer and declined work, the appointments around them, and the sales
 * staff's reassignments and follow-ups. Pure; randomness from the faker passed in.
 */
import type { Faker } from '@faker-js/faker';
import type { AppointmentStatus, Department, SaleType } from '../../db/schema.ts';
import {
  BODY_SHOP_JOBS,
  DEFERRED_ITEMS,
  MAKES,
  PARTS_SALES,
  SALES_ACTIVITIES,
  SERVICE_JOBS,
  TIRE_CHANGEOVER,
  type MakeSpec,
  type ModelSpec,
  type ServiceJob,
} from './demo.catalogue.ts';
import {
  dayString,
  DAY_MS,
  firstDayOf,
  HISTORY_DAYS,
  money,
  monthOf,
  offsetOn,
  openDay,
  weekday,
  yearOf,
  type AppointmentCsvRow,
  type CustomerCsvRow,
  type DealCsvRow,
  type DemoChunk,
  type DemoSalesperson,
  type GenerationContext,
  type StoreCounters,
  type VisitCsvRow,
} from './demo.model.ts';
import type { DemoStoreProfile } from './demo.stores.ts';
import { makeVin, plate } from './demo.values.ts';

function pickMake(f: Faker, profile: DemoStoreProfile, fleet: boolean): MakeSpec {
  const brand = MAKES.find((m) => m.make === profile.brand);
  if (brand && f.number.float() < (fleet ? 0.5 : 0.65)) return brand;
  const pool = fleet
    ? MAKES.filter((m) => ['Ford', 'Chevrolet', 'Ram', 'GMC', 'Toyota', 'Nissan'].includes(m.make))
    : MAKES;
  return f.helpers.arrayElement(pool);
}

function pickModel(f: Faker, make: MakeSpec, fleet: boolean): ModelSpec {
  const work = make.models.filter((m) => m.style === 'truck' || m.style === 'van');
  return f.helpers.arrayElement(fleet && work.length > 0 ? work : make.models);
}

const AGE_WEIGHTS = [0.6, 1, 1, 1, 0.95, 0.9, 0.85, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.15, 0.1].map(
  (weight, value) => ({ weight, value }),
);

/** One vehicle with its sale, its repair orders and the appointments that led to them; returns the VIN. */
export function generateVehicle(
  f: Faker,
  ctx: GenerationContext,
  num: string,
  fleet: boolean,
  prospect: boolean,
  stopDay: number,
  counters: StoreCounters,
  out: DemoChunk,
): string {
  const { profile, today } = ctx;
  const thisYear = yearOf(today);
  // New model years go on sale in the autumn.
  const latest = monthOf(today) >= 9 ? thisYear + 1 : thisYear;
  const year = Math.min(
    latest,
    thisYear - f.helpers.weightedArrayElement(AGE_WEIGHTS) + (f.number.float() < 0.3 ? 1 : 0),
  );
  const make = pickMake(f, profile, fleet);
  const model = pickModel(f, make, fleet);
  const vin = makeVin(f, f.helpers.arrayElement(make.wmis), year, counters.vehicles++);

  const onSale = firstDayOf(year - 1, 9);
  const latestPurchase = today - 20;
  const usedFrom = onSale + 365;
  const boughtNew = usedFrom >= latestPurchase || f.number.float() < (year >= thisYear - 6 ? 0.55 : 0.25);
  const ownedSince = boughtNew
    ? f.number.int({
        min: Math.min(onSale, latestPurchase),
        max: Math.max(Math.min(latestPurchase, firstDayOf(year + 1, 1)), onSale),
      })
    : f.number.int({ min: usedFrom, max: latestPurchase });
  const perYear =
    (profile.country === 'US'
      ? f.number.int({ min: 8_000, max: 18_000 })
      : f.number.int({ min: 12_000, max: 30_000 })) * (fleet ? 1.6 : 1);
  let odometer = boughtNew
    ? f.number.int({ min: 5, max: 60 })
    : Math.round(((ownedSince - onSale) / 365) * perYear * f.number.float({ min: 0.7, max: 1.2 }));

  if (!prospect) {
    odometer = vehicleVisits(f, ctx, num, vin, fleet, ownedSince, odometer, perYear, stopDay, counters, out);
    const soldHere = f.number.float() < (fleet ? 0.7 : make.make === profile.brand ? 0.58 : 0.12);
    if (soldHere) {
      const saleType: SaleType = boughtNew ? (f.number.float() < 0.22 ? 'lease' : 'new') : 'used';
      out.deals.push({
        deal_number: String(20_001 + counters.deals++),
        dms_customer_number: num,
        vin,
        sold_on: dayString(ownedSince),
        salesperson: salespersonOn(f, ctx, ownedSince).name,
        sale_type: saleType,
      });
    }
  }

  const region = profile.region;
  out.vehicles.push({
    vin,
    dms_customer_number: num,
    year,
    make: make.make,
    model: model.model,
    sub_model: f.helpers.arrayElement(model.trims),
    engine: f.helpers.arrayElement(model.engines),
    plate: f.number.float() < 0.93 ? plate(f, region) : null,
    plate_region: region,
    odometer,
  });
  return vin;
}

/** Work on one service RO: a routine job (oil change, maintenance), sometimes a repair or two besides. */
function pickJobs(f: Faker, ctx: GenerationContext, day: number): ServiceJob[] {
  const routine = SERVICE_JOBS.slice(0, 4);
  const repairs = SERVICE_JOBS.slice(4);
  const jobs: ServiceJob[] = [];
  const month = monthOf(day);
  if (ctx.profile.country === 'CA' && [4, 5, 10, 11].includes(month) && f.number.float() < 0.6)
    jobs.push(TIRE_CHANGEOVER);
  if (f.number.float() < 0.8) jobs.push(f.helpers.arrayElement(routine));
  const extra = f.helpers.weightedArrayElement([
    { weight: 60, value: 0 },
    { weight: 32, value: 1 },
    { weight: 8, value: 2 },
  ]);
  jobs.push(...f.helpers.arrayElements(repairs, jobs.length === 0 ? Math.max(1, extra) : extra));
  return jobs;
}

function visitRow(
  f: Faker,
  ctx: GenerationContext,
  counters: StoreCounters,
  v: {
    num: string;
    vin: string | null;
    day: number;
    department: Department;
    odometer: number | null;
    jobs: ServiceJob[];
    fleet: boolean;
    deferred: string[];
  },
): VisitCsvRow {
  const fr = ctx.profile.streetStyle === 'fr';
  let labour = 0;
  let parts = 0;
  for (const j of v.jobs) {
    labour += f.number.float({ min: j.labour[0], max: Math.max(j.labour[0], j.labour[1]) });
    parts += f.number.float({ min: j.parts[0], max: Math.max(j.parts[0], j.parts[1]) });
  }
  if (v.fleet) labour *= 1.3;
  return {
    ro_number: String(300_001 + counters.repairOrders++),
    dms_customer_number: v.num,
    vin: v.vin,
    visit_date: dayString(v.day),
    department: v.department,
    odometer: v.odometer,
    labour_total: money(labour),
    parts_total: money(parts),
    description: v.jobs.map((j) => (fr ? j.descriptionFr : j.description)).join('; '),
    deferred_items: v.deferred.join('|'),
  };
}

/** Repair orders over the last four years, odometer rising with time; returns the last odometer. */
function vehicleVisits(
  f: Faker,
  ctx: GenerationContext,
  num: string,
  vin: string,
  fleet: boolean,
  ownedSince: number,
  startOdometer: number,
  perYear: number,
  stopDay: number,
  counters: StoreCounters,
  out: DemoChunk,
): number {
  const { today } = ctx;
  const fr = ctx.profile.streetStyle === 'fr';
  const windowStart = today - HISTORY_DAYS;
  // Up to yesterday: today's work may not have happened yet at `now`.
  const end = Math.min(stopDay, today - 1);
  let odometer = startOdometer;
  let lastDay = ownedSince;
  const advance = (day: number) => {
    odometer += Math.max(1, Math.round(((day - lastDay) / 365) * perYear * f.number.float({ min: 0.7, max: 1.3 })));
    lastDay = day;
    return odometer;
  };

  if (f.number.float() < 0.06) {
    // Serviced elsewhere; only the body shop has seen it (stores may turn contact off for these).
    const from = Math.max(ownedSince, windowStart);
    if (from <= end) {
      const days = [f.number.int({ min: from, max: end })];
      if (f.number.float() < 0.25) days.push(f.number.int({ min: from, max: end }));
      for (const d of days.sort((a, b) => a - b)) {
        const day = Math.min(openDay(d), end);
        out.visits.push(
          visitRow(f, ctx, counters, {
            num,
            vin,
            day,
            department: 'body_shop',
            odometer: advance(day),
            jobs: [f.helpers.arrayElement(BODY_SHOP_JOBS)],
            fleet,
            deferred: [],
          }),
        );
      }
    }
    return odometer;
  }

  const interval = fleet ? { min: 80, max: 200 } : { min: 110, max: 330 };
  let day = ownedSince + f.number.int({ min: 60, max: 240 });
  const bodyShopDay =
    f.number.float() < 0.04
      ? f.number.int({ min: Math.max(ownedSince, windowStart), max: Math.max(ownedSince, windowStart, end) })
      : null;
  while (day <= end) {
    const d = openDay(day);
    if (d > end) break;
    if (d >= windowStart && f.number.float() >= 0.12) {
      const jobs = pickJobs(f, ctx, d);
      const deferred: string[] = [];
      if (f.number.float() < 0.28) {
        const items = f.helpers.arrayElements(DEFERRED_ITEMS, { min: 1, max: 3 });
        for (const [en, frText] of items) deferred.push(fr ? frText : en);
      }
      const visit = visitRow(f, ctx, counters, {
        num,
        vin,
        day: d,
        department: 'service',
        odometer: advance(d),
        jobs,
        fleet,
        deferred,
      });
      out.visits.push(visit);
      if (f.number.float() < 0.45) {
        out.appointments.push(
          appointment(f, ctx, counters, num, vin, d, 'completed', visit.description.split('; ')[0] ?? null),
        );
      }
    }
    day += f.number.int(interval);
  }
  if (bodyShopDay !== null && bodyShopDay <= end && bodyShopDay > lastDay) {
    const d = Math.min(openDay(bodyShopDay), end);
    out.visits.push(
      visitRow(f, ctx, counters, {
        num,
        vin,
        day: d,
        department: 'body_shop',
        odometer: advance(d),
        jobs: [f.helpers.arrayElement(BODY_SHOP_JOBS)],
        fleet,
        deferred: [],
      }),
    );
  }
  return odometer;
}

export function partsVisits(
  f: Faker,
  ctx: GenerationContext,
  num: string,
  vins: string[],
  counters: StoreCounters,
  out: DemoChunk,
): void {
  const n = f.number.int({ min: 1, max: 2 });
  for (let i = 0; i < n; i++) {
    const day = openDay(ctx.today - f.number.int({ min: 2, max: HISTORY_DAYS }));
    const vin = f.datatype.boolean() ? f.helpers.arrayElement(vins) : null;
    const jobs = [f.helpers.arrayElement(PARTS_SALES)];
    out.visits.push(
      visitRow(f, ctx, counters, {
        num,
        vin,
        day: Math.min(day, ctx.today - 1),
        department: 'parts',
        odometer: null,
        jobs,
        fleet: false,
        deferred: [],
      }),
    );
  }
}

const APPOINTMENT_NOTES = [
  'Oil change and tire rotation',
  'Maintenance service, customer waiting',
  'Noise from front end over bumps',
  'Check engine light on',
  'Seasonal tire changeover',
  'Recall campaign',
  'Brakes squealing',
  'A/C not blowing cold',
];
const APPOINTMENT_NOTES_FR = [
  "Vidange d'huile et permutation",
  'Entretien, client attend sur place',
  'Bruit à l’avant sur les bosses',
  'Témoin moteur allumé',
  'Changement de pneus saisonnier',
  'Campagne de rappel',
  'Freins qui grincent',
  'Climatisation ne refroidit pas',
];

function appointment(
  f: Faker,
  ctx: GenerationContext,
  counters: StoreCounters,
  num: string,
  vin: string | null,
  day: number,
  status: AppointmentStatus,
  notes: string | null,
): AppointmentCsvRow {
  // Service drives open 7:30 to 16:00, booked on the quarter hour; Saturdays only mornings.
  const lastSlot = weekday(day) === 6 ? 11 * 4 : 16 * 4;
  const slot = f.number.int({ min: 30, max: lastSlot });
  const time = `${String(Math.floor(slot / 4)).padStart(2, '0')}:${String((slot % 4) * 15).padStart(2, '0')}:00`;
  return {
    dms_appointment_number: String(500_001 + counters.appointments++),
    dms_customer_number: num,
    vin,
    scheduled_at: `${dayString(day)}T${time}${offsetOn(ctx, day)}`,
    status,
    notes,
  };
}

/** No-shows, cancellations and booked future visits (the completed ones come with their repair orders). */
export function customerAppointments(
  f: Faker,
  ctx: GenerationContext,
  num: string,
  vins: string[],
  stopDay: number,
  counters: StoreCounters,
  out: DemoChunk,
): void {
  const { today } = ctx;
  const notes = () =>
    f.helpers.arrayElement(ctx.profile.streetStyle === 'fr' ? APPOINTMENT_NOTES_FR : APPOINTMENT_NOTES);
  const active = stopDay >= today;
  if (f.number.float() < 0.05) {
    const day = openDay(Math.max(stopDay, today - 400) - f.number.int({ min: 1, max: 120 }));
    out.appointments.push(
      appointment(f, ctx, counters, num, f.helpers.arrayElement(vins), Math.min(day, today - 2), 'no_show', notes()),
    );
  }
  if (f.number.float() < 0.04) {
    const future = active && f.number.float() < 0.3;
    const day = future ? today + f.number.int({ min: 1, max: 45 }) : today - f.number.int({ min: 1, max: 365 });
    out.appointments.push(
      appointment(f, ctx, counters, num, f.helpers.arrayElement(vins), openDay(day), 'cancelled', notes()),
    );
  }
  if (active && f.number.float() < 0.14) {
    const day = openDay(today + f.number.int({ min: 1, max: 59 }));
    out.appointments.push(appointment(f, ctx, counters, num, f.helpers.arrayElement(vins), day, 'scheduled', notes()));
  }
}

/** A salesperson who worked at the store on `day` (anyone, if nobody did). */
function salespersonOn(f: Faker, ctx: GenerationContext, day: number): DemoSalesperson {
  const there = ctx.salespeople.filter((s) => s.hiredDay <= day && (s.leftDay === null || s.leftDay > day));
  const pick = f.helpers.arrayElement(there.length > 0 ? there : ctx.salespeople);
  return pick;
}

/**
 * Reassignments (when the selling salesperson left, or a manager moved the file) and logged
 * sales activities; a prospect's file shows who entered it and their follow-ups.
 */
export function salesHistory(
  f: Faker,
  ctx: GenerationContext,
  customer: CustomerCsvRow,
  prospect: boolean,
  deals: DealCsvRow[],
  out: DemoChunk,
): void {
  const { today } = ctx;
  const num = customer.dms_customer_number;
  const activeStaff = ctx.salespeople.filter((s) => s.leftDay === null);
  if (activeStaff.length === 0) return;
  const log = (salesperson: string, day: number) => {
    const [kind, note] = f.helpers.arrayElement(SALES_ACTIVITIES);
    out.activities.push({ dms_customer_number: num, salesperson, activity_on: dayString(day), kind, notes: note });
  };
  if (prospect) {
    const who = f.helpers.arrayElement(activeStaff);
    customer.prospect_entered_by = who.name;
    let day = today - f.number.int({ min: 5, max: 200 });
    const n = f.number.int({ min: 1, max: 3 });
    for (let i = 0; i < n && day <= today; i++) {
      log(who.name, day);
      day += f.number.int({ min: 1, max: 30 });
    }
    return;
  }
  const last = deals.reduce<DealCsvRow | undefined>(
    (a, d) => (a === undefined || d.sold_on > a.sold_on ? d : a),
    undefined,
  );
  if (last) {
    const seller = ctx.salespeople.find((s) => s.name === last.salesperson);
    const lastDay = Math.round(Date.parse(last.sold_on) / DAY_MS);
    if (seller?.leftDay != null && seller.leftDay > lastDay && f.number.float() < 0.65) {
      const day = Math.min(today, seller.leftDay + f.number.int({ min: 1, max: 30 }));
      out.assignments.push({
        dms_customer_number: num,
        salesperson: f.helpers.arrayElement(activeStaff).name,
        assigned_on: dayString(day),
      });
    } else if (f.number.float() < 0.03) {
      const day = Math.max(lastDay + 1, today - f.number.int({ min: 1, max: 700 }));
      if (day <= today)
        out.assignments.push({
          dms_customer_number: num,
          salesperson: f.helpers.arrayElement(activeStaff).name,
          assigned_on: dayString(day),
        });
    }
  }
  if (f.number.float() < 0.1) {
    const who = f.helpers.arrayElement(activeStaff).name;
    const n = f.number.int({ min: 1, max: 2 });
    for (let i = 0; i < n; i++) log(who, today - f.number.int({ min: 0, max: 700 }));
  }
}
