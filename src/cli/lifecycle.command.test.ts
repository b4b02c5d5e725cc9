import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb } from '../../test/support/db.ts';
import { captureStreams } from '../../test/support/streams.ts';
import { buildCustomer, buildStore } from '../../test/support/factories.ts';
import type { Db } from '../db/connect.ts';
import { createLifecycleRunService } from '../lifecycle/lifecycle-run.service.ts';
import { DEFAULT_SETUP, saveSetup } from '../lifecycle/lifecycle-settings.store.ts';
import { fixedClock } from '../shared/clock.ts';
import { createRenderer } from '../templates/render.ts';
import { ensureDefaultTemplates } from '../templates/templates.store.ts';
import { runLifecycle } from './lifecycle.command.ts';

const AT = '2026-06-15T14:00:00Z';
let db: Db;
let ada: number;
let bo: number;
beforeAll(async () => {
  db = await openTestDb();
  const k = db.kysely;
  const store = await buildStore(k, { code: 'LIF', ownerName: 'Owner', phone: '+14165550100', email: 's@lif.test' });
  await ensureDefaultTemplates(k, store.id);
  await saveSetup(k, { storeId: store.id, ...DEFAULT_SETUP, emailOn: true }, null, new Date(AT));
  for (const [first_name, email] of [
    ['Ada', 'ada@example.test'],
    ['Bo', null],
  ] as const) {
    const c = await buildCustomer(k, store.id, { first_name, last_name: 'Life', name: null, email });
    if (first_name === 'Ada') ada = c.id;
    else bo = c.id;
    await k
      .insertInto('visits')
      .values({
        store_id: store.id,
        customer_id: c.id,
        ro_number: `RO-${c.id}`,
        visit_date: '2026-06-14',
        department: 'service',
      })
      .execute();
  }
});
afterAll(() => db.close());

const runs = () =>
  createLifecycleRunService({
    db: db.kysely,
    clock: fixedClock(AT),
    renderer: createRenderer(),
    unsubscribe: { urlFor: () => 'https://x.test/u/t' },
    owner: 'cli-test',
  });

describe('forecourt lifecycle run', () => {
  it('--dry-run shows what would go out on the day and why not for the others, sending nothing', async () => {
    const io = captureStreams();
    const code = await runLifecycle({ db, runs: runs(), storeCode: 'LIF', at: AT, dryRun: true, json: false, ...io });
    expect(code).toBe(0);
    expect(io.text.out).toContain('Dry run of 360° Customer Contact');
    expect(io.text.out).toContain(`#${ada} Ada Life — Thank You due 2026-06-15: send by e-mail`);
    expect(io.text.out).toContain(
      `#${bo} Bo Life — Thank You due 2026-06-15: skip (no e-mail address, and postcards are off)`,
    );
    expect(await db.kysely.selectFrom('outbox_messages').select('id').execute()).toEqual([]);
  });

  it('runs, prints JSON, and refuses an unknown store or time with a message', async () => {
    const io = captureStreams();
    expect(await runLifecycle({ db, runs: runs(), storeCode: 'LIF', at: AT, dryRun: false, json: true, ...io })).toBe(
      0,
    );
    expect(JSON.parse(io.text.out)).toMatchObject({ outcome: 'done', enqueued: 1, skipped: 1 });
    const bad = captureStreams();
    expect(await runLifecycle({ db, runs: runs(), storeCode: 'NOPE', dryRun: false, json: false, ...bad })).toBe(2);
    expect(bad.text.err).toContain('No store with code NOPE');
    const time = captureStreams();
    expect(
      await runLifecycle({ db, runs: runs(), storeCode: 'LIF', at: 'monday', dryRun: false, json: false, ...time }),
    ).toBe(2);
    expect(time.text.err).toContain('not an ISO 8601 time');
  });
});
