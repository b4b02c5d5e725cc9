import { sql, type Kysely } from 'kysely';
import { DateTime } from 'luxon';
import { checkSendWindow, dayPartWindow, effectiveWindow } from '../consent/quiet-hours.rules.ts';
import { recipientPlace } from '../consent/time-zone.rules.ts';
import { displayName } from '../customers/customers.presenter.ts';
import { loadMergeRows } from '../customers/merge-profiles.store.ts';
import type { BatchChannel, BatchRun, Customer, Database, Template, TemplateVersion } from '../db/schema.ts';
import { deliveryKey } from '../delivery/delivery-key.rules.ts';
import type { NewOutboxMessage } from '../delivery/outbox.store.ts';
import type { UnsubscribeService } from '../delivery/unsubscribe.service.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { customerAddressLines, mergeInputFromProfile, storeSender } from '../templates/merge-input.rows.ts';
import { mergeNeeds } from '../templates/merge-needs.ts';
import { createMessageRenderer } from '../templates/message.render.ts';
import type { Renderer } from '../templates/render.ts';
import { fallbackSpecFor, selectionSpecFor } from './batch-spec.ts';
import { enqueueRunChunk } from './batch-runs.store.ts';
import { previewSelection, takeSelection, type BatchExclusion, type SelectionSpec } from './batch-selection.sql.ts';
import { findSchedule, loadScheduleRows, type LoadedSchedule } from './batch-schedules.store.ts';
import { eligibleAgainOn } from './recycle.rules.ts';

export interface RunOptions {
  /** The as-of time (default now): who is due, eligible and in quiet hours is decided at it. */
  at?: Date | undefined;
  dryRun?: boolean | undefined;
  /** How many of the customers a dry run would take to list (default 20). */
  sampleSize?: number | undefined;
  /** Called as messages are written: how many so far of how many the run has to write. */
  onProgress?: ((p: { enqueued: number; total: number }) => void) | undefined;
}

export interface RunReport {
  scheduleId: number;
  runId: number | null;
  /** done: this call ran it; already_done: it had run that day; running_elsewhere: another worker holds it. */
  outcome: 'done' | 'already_done' | 'running_elsewhere' | 'dry_run';
  runDate: string;
  asOf: Date;
  matched: number;
  eligible: number;
  selected: number;
  heldOut: number;
  enqueued: number;
  excluded: Partial<Record<BatchExclusion, number>>;
  /** Customers taken per channel: the batch's, and Campaign Options' fallback. */
  byChannel: Partial<Record<BatchChannel, number>>;
  /** A dry run's first customers, in the order the run would take them. */
  sample: { id: number; name: string }[];
}

/** One channel of a run with its template: the batch's own, or Campaign Options'. */
interface Lane {
  channel: BatchChannel;
  /** Null for a voice drop that plays its recording with no script. */
  tpl: { template: Template; version: TemplateVersion } | null;
  purpose: 'marketing' | 'service';
}

const LEASE_MS = 15 * 60_000;
// A running run renews its lease at most this often (as chunks are written): far inside LEASE_MS.
const RENEW_MS = 30_000;
/** The customer columns a run's messages read besides the merge input's: target and quiet hours. */
const RUN_CUSTOMER_COLUMNS = [
  'email',
  'cell_phone',
  'home_phone',
  'work_phone',
  'country',
  'region',
  'mailing_name',
  'address_to',
  'name',
  'first_name',
  'last_name',
  'address_line1',
  'address_line2',
  'city',
  'postal_code',
] as const satisfies readonly (keyof Customer)[];
type RunCustomer = Pick<Customer, 'id' | (typeof RUN_CUSTOMER_COLUMNS)[number]>;
// Two-key advisory lock: (our namespace, store). Selections of one store run one at a time, so two
// schedules starting together cannot both take a customer before either has reserved them.
const SELECTION_LOCK = 734_201;
const DEFAULT_RECYCLE: Record<BatchChannel, string> = {
  letter: 'letter_sent',
  email: 'email_sent',
  sms: 'text_sent',
  voice: 'voice_drop',
};

/**
 * Runs batch schedules: picks the day's customers set-based (eligibility plus the batch rules),
 * takes and reserves them, renders their messages and writes them to the outbox, which sends.
 *
 * Safe to call twice or from two workers at once: a run is one row per schedule and store-local
 * day, claimed with a lease; its customers are rows unique per run; its messages have delivery
 * keys. A run that died is taken over when its lease runs out and carries on where it stopped.
 */
export function createBatchRunService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  renderer: Renderer;
  unsubscribe: Pick<UnsubscribeService, 'urlFor'>;
  /** Identifies this worker in the run's lease. */
  owner: string;
  onEnqueued?: () => void;
  chunkSize?: number;
  /** How many chunk writes may run at once (default 2; PGlite runs them one after another anyway). */
  writesInFlight?: number;
}) {
  const { db, clock } = deps;
  const chunkSize = deps.chunkSize ?? 1000;
  const writesInFlight = Math.max(1, deps.writesInFlight ?? 2);

  async function channelCounts(runId: number): Promise<RunReport['byChannel']> {
    const rows = await db
      .selectFrom('batch_contacts')
      .select(['channel', (eb) => eb.fn.countAll<number>().as('n')])
      .where('run_id', '=', runId)
      .groupBy('channel')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.channel, Number(r.n)]));
  }

  async function load(scheduleId: number, storeIds?: readonly number[]) {
    const schedule = storeIds
      ? await findSchedule(db, scheduleId, storeIds)
      : await db.selectFrom('batch_schedules').selectAll().where('id', '=', scheduleId).executeTakeFirst();
    if (!schedule) throw notFound('Batch schedule');
    return loadScheduleRows(db, schedule);
  }

  /** Claims the schedule's run for the day: a new run, one to resume, or why not. */
  async function claim(l: LoadedSchedule, runDate: string, at: Date) {
    const now = clock.now();
    const leaseUntil = new Date(now.getTime() + LEASE_MS);
    return db.transaction().execute(async (trx) => {
      const fresh = await trx
        .insertInto('batch_runs')
        .values({
          store_id: l.store.id,
          schedule_id: l.schedule.id,
          run_date: runDate,
          status: 'running',
          as_of: at,
          lease_owner: deps.owner,
          lease_until: leaseUntil,
          started_at: now,
        })
        .onConflict((oc) => oc.columns(['schedule_id', 'run_date']).doNothing())
        .returningAll()
        .executeTakeFirst();
      if (fresh) return { run: fresh, state: 'new' as const };
      const run = await trx
        .selectFrom('batch_runs')
        .selectAll()
        .where('schedule_id', '=', l.schedule.id)
        .where('run_date', '=', runDate)
        .forUpdate()
        .executeTakeFirstOrThrow();
      if (run.status === 'done') return { run, state: 'done' as const };
      if (run.status === 'running' && run.lease_owner !== deps.owner && run.lease_until && run.lease_until > now)
        return { run, state: 'busy' as const };
      const taken = await trx
        .updateTable('batch_runs')
        .set({ status: 'running', lease_owner: deps.owner, lease_until: leaseUntil, error: null })
        .where('id', '=', run.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return { run: taken, state: 'resume' as const };
    });
  }

  async function reportOf(run: BatchRun, outcome: RunReport['outcome']): Promise<RunReport> {
    return {
      byChannel: await channelCounts(run.id),
      scheduleId: run.schedule_id,
      runId: run.id,
      outcome,
      runDate: run.run_date,
      asOf: run.as_of,
      matched: run.matched ?? 0,
      eligible: (run.selected ?? 0) + (run.excluded.over_limit ?? 0),
      selected: run.selected ?? 0,
      heldOut: run.held_out ?? 0,
      enqueued: run.enqueued ?? 0,
      excluded: run.excluded,
      sample: [],
    };
  }

  /** Selects, takes and reserves the run's customers; once per run (a resumed run skips it). */
  async function select(l: LoadedSchedule, run: BatchRun, spec: SelectionSpec) {
    const at = run.as_of;
    const code =
      l.recycleCode ??
      (await db
        .selectFrom('recycle_codes')
        .selectAll()
        .where('store_id', '=', l.store.id)
        .where('key', '=', DEFAULT_RECYCLE[l.schedule.channel])
        .executeTakeFirst()) ??
      null;
    const until = code ? eligibleAgainOn(at, code) : null;
    const reservedUntil = DateTime.fromJSDate(at, { zone: l.store.time_zone }).endOf('day').toJSDate();
    await db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock(${SELECTION_LOCK}, ${l.store.id}::int)`.execute(trx);
      // One big set-based statement: JIT compiling it costs more than it saves, and the sort of the
      // audience by last contact should stay in memory.
      await sql`set local jit = off`.execute(trx);
      await sql`set local work_mem = '64MB'`.execute(trx);
      const taken = await trx
        .selectFrom('batch_contacts')
        .select('id')
        .where('run_id', '=', run.id)
        .limit(1)
        .executeTakeFirst();
      if (taken) return;
      // Each take also marks its customers contacted, reserved and recycling (customer_contact_state).
      const take = {
        runId: run.id,
        holdoutPercent: l.schedule.holdout_percent,
        contactState: { reservedUntil, recycle: code && until ? { key: code.key, until } : null },
      };
      const counts = await takeSelection(trx, spec, take);
      const fallback = fallbackSpecFor(l, spec);
      const room = spec.limit - counts.selected;
      if (fallback && room > 0) {
        const more = await takeSelection(trx, { ...fallback, limit: room }, take);
        counts.selected += more.selected;
        counts.heldOut += more.heldOut;
      }
      await trx
        .updateTable('batch_runs')
        .set({
          matched: counts.matched,
          selected: counts.selected,
          held_out: counts.heldOut,
          excluded: JSON.stringify(counts.excluded),
        })
        .where('id', '=', run.id)
        .execute();
    });
  }

  /** The outbox row for one customer of the run. */
  function messageFor(
    l: LoadedSchedule,
    run: BatchRun,
    lane: Lane,
    customer: RunCustomer,
    rendered: { subject: string | null; html: string | null; text: string | null },
  ): NewOutboxMessage {
    const s = l.schedule;
    const { channel, tpl } = lane;
    const target = targetOf(channel, customer);
    let outcome: Pick<NewOutboxMessage, 'status' | 'statusReason' | 'statusDetail' | 'dueAt'> = {
      status: 'queued',
      statusReason: null,
      statusDetail: null,
      dueAt: run.as_of,
    };
    if (!target)
      outcome = { status: 'skipped', statusReason: 'no_target', statusDetail: 'no address on file', dueAt: run.as_of };
    // Texts and drops wait for the recipient's window (and the late-day part when chosen).
    else if (channel === 'sms' || channel === 'voice') {
      const place = recipientPlace(
        customer,
        [customer.cell_phone, customer.home_phone, customer.work_phone],
        l.store.time_zone,
      );
      const window = dayPartWindow(
        effectiveWindow(
          { start: l.store.send_window_start, end: l.store.send_window_end },
          place.country,
          place.region,
        ),
        s.day_part,
      );
      const now = clock.now();
      const w = checkSendWindow(now > run.as_of ? now : run.as_of, place.zone, window);
      if (!w.open)
        outcome = w.nextOpening
          ? {
              status: 'deferred',
              statusReason: 'quiet_hours',
              statusDetail: `outside ${window.start}–${window.end} in ${place.zone}`,
              dueAt: w.nextOpening,
            }
          : {
              status: 'skipped',
              statusReason: 'quiet_hours',
              statusDetail: `no open hours in ${window.start}–${window.end}`,
              dueAt: run.as_of,
            };
    }
    // One object literal (no spreads): a hundred thousand of them per run.
    return {
      storeId: l.store.id,
      customerId: customer.id,
      deliveryKey: deliveryKey({
        sourceKind: s.recurrence === 'once' ? 'campaign' : 'batch',
        sourceRef: `run:${run.id}`,
        customerId: customer.id,
        channel,
      }),
      sourceKind: s.recurrence === 'once' ? ('campaign' as const) : ('batch' as const),
      sourceRef: `run:${run.id}`,
      step: '',
      channel,
      purpose: lane.purpose,
      contactType: l.contactType?.key ?? null,
      templateVersionId: tpl?.version.id ?? null,
      userId: null,
      target,
      // A drop shows the batch's caller ID and plays its recording.
      sender: channel === 'voice' && l.callerId ? l.callerId.number : s.sender,
      mediaRef: channel === 'voice' && l.recording ? `recording:${l.recording.id}` : null,
      cc: [],
      bcc: [],
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      status: outcome.status,
      statusReason: outcome.statusReason,
      statusDetail: outcome.statusDetail,
      dueAt: outcome.dueAt,
    };
  }

  /**
   * Renders and enqueues the run's messages in chunks of `chunkSize` customers, in customer order:
   * the next chunk's merge data is read while this one renders, and up to `writesInFlight` chunk
   * writes run at once (each one statement, so each chunk is written whole or not at all).
   */
  async function enqueueAll(l: LoadedSchedule, run: BatchRun, onChunk: (n: number) => void): Promise<void> {
    const messages = createMessageRenderer(deps.renderer);
    const lanes: Lane[] = [];
    lanes.push({
      channel: l.schedule.channel,
      tpl: l.template,
      purpose: l.template?.template.purpose ?? l.schedule.purpose,
    });
    if (l.fallback && l.schedule.fallback_channel)
      lanes.push({
        channel: l.schedule.fallback_channel,
        tpl: l.fallback,
        purpose: l.fallback.template.purpose,
      });
    const writes = new Set<Promise<void>>();
    let failure: { error: unknown } | null = null;
    // Renewed as chunks are written, at most every RENEW_MS (claim() set it at the start).
    let renewedAt = clock.now().getTime();
    const renew = async () => {
      const now = clock.now().getTime();
      if (now - renewedAt < RENEW_MS) return;
      renewedAt = now;
      await db
        .updateTable('batch_runs')
        .set({ lease_until: new Date(now + LEASE_MS) })
        .where('id', '=', run.id)
        .execute();
    };
    const write = async (chunk: NewOutboxMessage[]) => {
      while (writes.size >= writesInFlight) await Promise.race(writes);
      if (failure) throw failure.error;
      const p: Promise<void> = enqueueRunChunk(db, run.id, chunk, clock.now())
        .then(async () => {
          onChunk(chunk.length);
          await renew();
        })
        .catch((error: unknown) => {
          failure ??= { error };
        })
        .finally(() => writes.delete(p));
      writes.add(p);
    };
    try {
      // A lane leaves its last writes in flight, so the next lane's first chunk renders meanwhile.
      for (const lane of lanes) await enqueueLane(l, run, lane, messages, write);
    } finally {
      // Never return (and mark the run failed or done) with a write still running.
      await Promise.all(writes);
    }
    if (failure) throw (failure as { error: unknown }).error;
  }

  /** One channel's messages of a run, chunk by chunk, handed to `write`. */
  async function enqueueLane(
    l: LoadedSchedule,
    run: BatchRun,
    lane: Lane,
    messages: ReturnType<typeof createMessageRenderer>,
    write: (chunk: NewOutboxMessage[]) => Promise<void>,
  ): Promise<void> {
    const { tpl } = lane;
    const sender = storeSender(l.store);
    const source = tpl
      ? {
          channel: tpl.template.channel,
          purpose: tpl.template.purpose,
          subject: tpl.version.subject,
          body: tpl.version.body,
        }
      : null;
    // Only the facts its merge tags read (a drop without a script reads none).
    const needs = mergeNeeds(source ? [source.subject ?? '', source.body] : []);
    // A drop without a script: its history line names the recording.
    const plain = { subject: null, html: null, text: `Voice drop: ${l.recording?.name ?? 'recording'}` };
    const marketingEmail = lane.channel === 'email' && lane.purpose === 'marketing';
    // The lane's customers still without a message, read once (a resumed run finds only those).
    const pending = (
      await db
        .selectFrom('batch_contacts')
        .select('customer_id')
        .where('run_id', '=', run.id)
        .where('channel', '=', lane.channel)
        .where('holdout', '=', false)
        .where('message_id', 'is', null)
        .orderBy('customer_id')
        .execute()
    ).map((r) => r.customer_id);
    const load = (from: number) => {
      const ids = pending.slice(from, from + chunkSize);
      // Never left unhandled while the chunk before renders; awaited below.
      const p = loadMergeRows(db, l.store.id, ids, run.as_of, needs, RUN_CUSTOMER_COLUMNS);
      p.catch(() => undefined);
      return p;
    };
    let next = pending.length > 0 ? load(0) : null;
    for (let from = 0; next !== null; from += chunkSize) {
      const profiles = await next;
      next = from + chunkSize < pending.length ? load(from + chunkSize) : null;
      const chunk: NewOutboxMessage[] = [];
      for (const p of profiles.values()) {
        const url = marketingEmail
          ? deps.unsubscribe.urlFor({
              customerId: p.customer.id,
              storeId: l.store.id,
              channel: 'email',
              purpose: 'marketing',
              messageId: null,
            })
          : null;
        const r = source ? messages.render(source, mergeInputFromProfile(p, l.store, run.as_of, url), sender) : plain;
        chunk.push(messageFor(l, run, lane, p.customer, r));
      }
      await write(chunk);
    }
  }

  return {
    /** Runs (or with `dryRun`, previews) a schedule for the store-local day of `at`. */
    async run(scheduleId: number, options: RunOptions = {}, storeIds?: readonly number[]): Promise<RunReport> {
      const l = await load(scheduleId, storeIds);
      const at = options.at ?? clock.now();
      const runDate = DateTime.fromJSDate(at, { zone: l.store.time_zone }).toISODate() ?? '';
      if (options.dryRun) {
        const spec = selectionSpecFor(l, at, null);
        const p = await previewSelection(db, spec, options.sampleSize ?? 20);
        const fallback = fallbackSpecFor(l, spec);
        const room = spec.limit - p.selected;
        const f = fallback && room > 0 ? await previewSelection(db, { ...fallback, limit: room }, 0) : null;
        const names = p.customerIds.length
          ? await db
              .selectFrom('customers')
              .select(['id', 'name', 'first_name', 'last_name', 'other_name', 'dms_customer_number'])
              .where('id', 'in', p.customerIds)
              .execute()
          : [];
        const byId = new Map(names.map((c) => [c.id, displayName(c)]));
        return {
          scheduleId,
          runId: null,
          outcome: 'dry_run',
          runDate,
          asOf: at,
          matched: p.matched,
          eligible: p.eligible,
          selected: p.selected + (f?.selected ?? 0),
          heldOut: 0,
          enqueued: 0,
          excluded: p.excluded,
          byChannel: { [spec.channel]: p.selected, ...(f && fallback ? { [fallback.channel]: f.selected } : {}) },
          sample: p.customerIds.map((id) => ({ id, name: byId.get(id) ?? String(id) })),
        };
      }
      if (!l.schedule.active)
        throw new DomainError('batch_invalid', `Batch "${l.schedule.name}" is switched off; switch it on to run it.`);
      selectionSpecFor(l, at, null); // refuses an invalid schedule before it claims the day
      const claimed = await claim(l, runDate, at);
      if (claimed.state === 'done') return await reportOf(claimed.run, 'already_done');
      if (claimed.state === 'busy') return await reportOf(claimed.run, 'running_elsewhere');
      const run = claimed.run;
      try {
        // A resumed run keeps the as-of time it started with.
        const spec = selectionSpecFor(l, run.as_of, `run:${run.id}`);
        await select(l, run, spec);
        const pending = await db
          .selectFrom('batch_contacts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('run_id', '=', run.id)
          .where('holdout', '=', false)
          .where('message_id', 'is', null)
          .executeTakeFirstOrThrow();
        const total = Number(pending.n);
        let enqueued = 0;
        options.onProgress?.({ enqueued, total });
        await enqueueAll(l, run, (n) => {
          enqueued += n;
          options.onProgress?.({ enqueued, total });
        });
        const done = await db
          .updateTable('batch_runs')
          .set({
            status: 'done',
            finished_at: clock.now(),
            lease_until: null,
            enqueued: sql<number>`(select count(*)::int from batch_contacts b where b.run_id = ${run.id} and b.message_id is not null)`,
          })
          .where('id', '=', run.id)
          .returningAll()
          .executeTakeFirstOrThrow();
        deps.onEnqueued?.();
        return await reportOf(done, 'done');
      } catch (err) {
        await db
          .updateTable('batch_runs')
          .set({ status: 'failed', lease_until: null, error: err instanceof Error ? err.message : String(err) })
          .where('id', '=', run.id)
          .execute();
        throw err;
      }
    },
  };
}

export type BatchRunService = ReturnType<typeof createBatchRunService>;

/** Where the message goes: e-mail, cell, cell else home (never work) for drops, the postal address. */
export function targetOf(
  channel: BatchChannel,
  c: Pick<Customer, Exclude<(typeof RUN_CUSTOMER_COLUMNS)[number], 'work_phone' | 'country'>>,
): string | null {
  switch (channel) {
    case 'email':
      return c.email;
    case 'sms':
      return c.cell_phone;
    case 'voice':
      return c.cell_phone ?? c.home_phone;
    case 'letter': {
      const lines = customerAddressLines(c);
      return lines.length > 1 ? lines.join('\n') : null;
    }
  }
}
