// A worker process for the crash test: drains the outbox into a recording HTTP provider on
// 127.0.0.1 (RECORDER_URL), then exits. The parent kills it with SIGKILL mid-run.
import { createDispatcher } from '../../src/delivery/dispatcher.ts';
import type { ChannelSender } from '../../src/channels/channel.ts';
import { openDatabase } from '../../src/db/connect.ts';
import { loadConfig } from '../../src/config.ts';
import { systemClock } from '../../src/shared/clock.ts';

const recorder = process.env.RECORDER_URL;
if (!recorder) throw new Error('RECORDER_URL is not set');
const db = await openDatabase(loadConfig());
const sender: ChannelSender = {
  provider: 'recorder',
  idempotent: false,
  async send(m) {
    const res = await fetch(recorder, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': m.deliveryKey },
      body: JSON.stringify({ key: m.deliveryKey, pid: process.pid }),
    });
    return res.ok
      ? { kind: 'sent', providerMessageId: await res.text() }
      : { kind: 'transient', error: `HTTP ${res.status}` };
  },
};
const dispatcher = createDispatcher({
  db: db.kysely,
  clock: systemClock,
  senders: { senderFor: () => Promise.resolve(sender), close: () => Promise.resolve() },
  batchSize: 20,
  concurrency: Number(process.env.CONCURRENCY ?? 5),
  leaseMs: Number(process.env.LEASE_MS ?? 1500),
});
process.stdout.write('ready\n');
for (;;) {
  const n = await dispatcher.drain();
  const left = await db.kysely
    .selectFrom('outbox_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', ['queued', 'sending', 'deferred'])
    .executeTakeFirstOrThrow();
  if (n === 0 && Number(left.n) === 0) break;
  await new Promise((r) => setTimeout(r, 200));
}
await db.close();
process.stdout.write('done\n');
