import type { Db } from '../db/connect.ts';
import { CHANNELS, PURPOSES, type Channel, type Purpose } from '../consent/consent.types.ts';
import { explainEligibility } from '../consent/eligibility.service.ts';
import { DAY_PARTS, type DayPart } from '../consent/quiet-hours.rules.ts';

export interface ExplainOptions {
  db: Db;
  /** A customer id, or a DMS customer number together with --store. */
  customer: string;
  storeCode?: string | undefined;
  channel: string;
  purpose: string;
  at?: string | undefined;
  /** all | day | late_day (default all). */
  dayPart?: string | undefined;
  json: boolean;
  out?: NodeJS.WritableStream;
  err?: NodeJS.WritableStream;
}

const isChannel = (c: string): c is Channel => (CHANNELS as readonly string[]).includes(c);
const isPurpose = (p: string): p is Purpose => (PURPOSES as readonly string[]).includes(p);
const isDayPart = (p: string): p is DayPart => (DAY_PARTS as readonly string[]).includes(p);

/** `forecourt explain`: the same decision as GET /api/customers/:id/eligibility, for a terminal. */
export async function runExplain(o: ExplainOptions): Promise<number> {
  const out = o.out ?? process.stdout;
  const err = o.err ?? process.stderr;
  if (!isChannel(o.channel)) return fail(err, `Unknown channel "${o.channel}". Use one of: ${CHANNELS.join(', ')}.`);
  if (!isPurpose(o.purpose)) return fail(err, `Unknown purpose "${o.purpose}". Use one of: ${PURPOSES.join(', ')}.`);
  const dayPart = o.dayPart ?? 'all';
  if (!isDayPart(dayPart)) return fail(err, `Unknown day part "${dayPart}". Use one of: ${DAY_PARTS.join(', ')}.`);
  const at = o.at ? new Date(o.at) : new Date();
  if (Number.isNaN(at.getTime()))
    return fail(err, `--at "${o.at}" is not an ISO 8601 time, e.g. 2026-11-23T15:00:00-05:00.`);

  const db = o.db.kysely;
  let q = db
    .selectFrom('customers')
    .innerJoin('stores', 'stores.id', 'customers.store_id')
    .selectAll('customers')
    .select('stores.code as store_code');
  if (o.storeCode) q = q.where('stores.code', '=', o.storeCode).where('customers.dms_customer_number', '=', o.customer);
  else if (/^\d+$/.test(o.customer)) q = q.where('customers.id', '=', Number(o.customer));
  else return fail(err, 'Give a customer id, or a DMS customer number with --store CODE.');
  const found = await q.executeTakeFirst();
  if (!found) return fail(err, `No customer ${o.customer}${o.storeCode ? ` in store ${o.storeCode}` : ''}.`);
  const { store_code: _code, ...customer } = found;
  const store = await db.selectFrom('stores').selectAll().where('id', '=', customer.store_id).executeTakeFirstOrThrow();
  const d = await explainEligibility(db, customer, store, {
    channel: o.channel,
    purpose: o.purpose,
    at,
    dayPart,
  });

  if (o.json) {
    out.write(
      `${JSON.stringify({ allowed: d.allowed, reasons: d.reasons, target: d.target, deferUntil: d.deferUntil?.toISOString() ?? null, zone: d.zone })}\n`,
    );
    return 0;
  }
  const who =
    `${customer.first_name ?? ''} ${customer.last_name ?? customer.name ?? ''}`.trim() || customer.dms_customer_number;
  out.write(
    `${who} (${store.code} #${customer.dms_customer_number}) — ${o.channel} / ${o.purpose}${dayPart === 'all' ? '' : ` (${dayPart})`} at ${at.toISOString()} (${d.zone})\n`,
  );
  out.write(d.allowed ? `  ALLOWED → ${d.target ?? ''}\n` : '  NOT ALLOWED\n');
  for (const r of d.reasons) out.write(`  - ${r.code}: ${r.detail}\n`);
  if (d.deferUntil) out.write(`  deferred until ${d.deferUntil.toISOString()}\n`);
  return 0;
}

function fail(err: NodeJS.WritableStream, message: string): number {
  err.write(`${message}\n`);
  return 2;
}
