import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { sql } from 'kysely';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { createSmtpSender } from '../src/channels/email/smtp.sender.ts';
import { emailOptions } from '../src/channels/email/email-message.ts';
import type { OutgoingMessage } from '../src/channels/channel.ts';
import { openPGlite, openPostgres, type Db } from '../src/db/connect.ts';
import { migrateToLatest } from '../src/db/migrate.ts';
import { createDispatcher } from '../src/delivery/dispatcher.ts';
import { deliveryKey } from '../src/delivery/delivery-key.rules.ts';
import { enqueueMessages, type NewOutboxMessage } from '../src/delivery/outbox.store.ts';
import { systemClock } from '../src/shared/clock.ts';
import { createStore, ensureOrganisation } from '../src/stores/stores.store.ts';
import { storeInput, storeSender } from '../src/templates/merge-input.rows.ts';
import { createMessageRenderer } from '../src/templates/message.render.ts';
import { createRenderer } from '../src/templates/render.ts';

/**
 * `npm run bench -- send [--messages N] [--connections C] [--enqueue N] [--target pglite|postgres] [--uncompiled]`:
 * e-mails through the whole path — render (compiled once per template; `--uncompiled` composes
 * each e-mail whole, as before compileEmail), ledger (outbox rows), eligibility at send time, SMTP
 * pool — to an SMTP sink in another process on 127.0.0.1, against bare nodemailer sending the same
 * rendered messages with the same pool settings to the same sink, in the same run. The full path
 * runs as production does: the batch renders and enqueues while the dispatcher sends. Also the
 * ledger's enqueue rate.
 */
export async function run(args: string[]): Promise<void> {
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(`--${name}`);
    return i >= 0 ? (args[i + 1] ?? fallback) : fallback;
  };
  const messages = Number(opt('messages', '20000'));
  const connections = Number(opt('connections', '10'));
  const enqueueN = Number(opt('enqueue', '100000'));
  const target = opt('target', process.env.DATABASE_URL ? 'postgres' : 'pglite');
  const sink = await startSink();
  try {
    process.stdout.write(
      `node ${process.version}; ${messages.toLocaleString('en')} e-mails, ${connections} SMTP connections, sink in a child process; database: ${target}\n`,
    );
    const bare = await bareNodemailer(sink.port, messages, connections);
    process.stdout.write(
      `bare nodemailer (pool ${connections}):      ${Math.round(bare).toLocaleString('en')} msg/s\n`,
    );
    const opened = await openDb(target);
    const db = opened.db;
    try {
      const full = await fullPath(db, sink.port, messages, connections, args.includes('--uncompiled'));
      process.stdout.write(
        `full path: render ${Math.round(full.renderRate).toLocaleString('en')}/s; render + enqueue (while sending) ${Math.round(full.enqueueRate).toLocaleString('en')}/s\n`,
      );
      process.stdout.write(
        `full path end to end:             ${Math.round(full.overall).toLocaleString('en')} msg/s = ${((full.overall / bare) * 100).toFixed(0)}% of bare nodemailer\n`,
      );
      const rate = await ledgerEnqueue(db, enqueueN);
      process.stdout.write(
        `ledger enqueue (${enqueueN.toLocaleString('en')} rows, 1,000 per insert): ${Math.round(rate).toLocaleString('en')} rows/s\n`,
      );
      const count = await sink.count();
      process.stdout.write(`sink received ${count.toLocaleString('en')} messages in all\n`);
    } finally {
      await opened.close();
    }
  } finally {
    sink.stop();
  }
}

interface Sink {
  port: number;
  count(): Promise<number>;
  stop(): void;
}

async function startSink(): Promise<Sink> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(import.meta.dirname, 'smtp-sink.child.ts')],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  let buffer = '';
  const waiters: ((line: string) => void)[] = [];
  child.stdout?.on('data', (d: Buffer) => {
    buffer += d.toString();
    let i;
    while ((i = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, i);
      buffer = buffer.slice(i + 1);
      waiters.shift()?.(line);
    }
  });
  const next = () => new Promise<string>((r) => waiters.push(r));
  const port = Number((await next()).split(' ')[1]);
  return {
    port,
    async count() {
      const p = next();
      child.stdin?.write('count\n');
      return Number((await p).split(' ')[1]);
    },
    stop: () => child.stdin?.end(),
  };
}

/** The message both runs send: the bench template rendered for customer i (the same bytes either way). */
function rendered(i: number, render: ReturnType<typeof createMessageRenderer>): OutgoingMessage {
  const m = render.render(
    BENCH_SOURCE,
    {
      customer: { firstName: `First${i}`, lastName: 'Last', language: i % 5 === 0 ? 'fr' : 'en' },
      store: BENCH_STORE,
      unsubscribeUrl: null,
    },
    { storeName: BENCH_STORE.name, postalAddress: ['1 Main St', 'Toronto ON  M5V 2T6'] },
  );
  return {
    id: i,
    storeId: 1,
    deliveryKey: `bench:${i}`,
    channel: 'email',
    purpose: 'service',
    target: `c${i}@example.test`,
    sender: null,
    cc: [],
    bcc: [],
    subject: m.subject,
    html: m.html,
    text: m.text,
    headers: {},
  };
}

const BENCH_SOURCE = {
  channel: 'email' as const,
  purpose: 'service' as const,
  subject: 'Time for service, {{ customer.first_name | default: "there" }}',
  body: `<p>Dear {{ customer.first_name | default: "Valued Customer" }},</p><p>${'Your vehicle is due for its maintenance. '.repeat(20)}</p><p>{{ store.name }}</p>`,
};
const BENCH_STORE = { name: 'Send Motors', country: 'CA', timeZone: 'America/Toronto' };

/** Bare nodemailer: the same pool settings, the same sink, the same messages, rendered beforehand. */
async function bareNodemailer(port: number, n: number, connections: number): Promise<number> {
  const render = createMessageRenderer(createRenderer());
  const messages = Array.from({ length: n }, (_, i) => rendered(i + 1, render));
  const transport = nodemailer.createTransport({
    pool: true,
    host: '127.0.0.1',
    port,
    secure: false,
    maxConnections: connections,
    maxMessages: 1000,
  });
  const identity = { from: 'Bench <bench@example.test>', messageIdDomain: 'example.test' };
  const t0 = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: connections * 2 }, async () => {
      for (let m = messages[next++]; m; m = messages[next++]) await transport.sendMail(emailOptions(m, identity));
    }),
  );
  const secs = (performance.now() - t0) / 1000;
  transport.close();
  return n / secs;
}

async function openDb(target: string): Promise<{ db: Db; close(): Promise<void> }> {
  if (target === 'postgres') {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('set DATABASE_URL for --target postgres (eval "$(scripts/pg-test-server.sh start)")');
    const name = `forecourt_bench_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const u = new URL(url);
    u.pathname = `/${name}`;
    const db = await openPostgres(u.toString(), 4);
    await migrateToLatest(db);
    return {
      db,
      async close() {
        await db.close();
        await admin.query(`drop database if exists ${name} with (force)`);
        await admin.end();
      },
    };
  }
  const db = await openPGlite();
  await migrateToLatest(db);
  return { db, close: () => db.close() };
}

async function fullPath(db: Db, port: number, n: number, connections: number, uncompiled: boolean) {
  const k = db.kysely;
  const org = await ensureOrganisation(k);
  const store = await createStore(k, org, {
    code: 'SEND',
    name: 'Send Motors',
    country: 'CA',
    timeZone: 'America/Toronto',
    addressLine1: '1 Main St',
    city: 'Toronto',
    region: 'ON',
    postalCode: 'M5V 2T6',
  });
  await sql`
    insert into customers (store_id, dms_customer_number, first_name, last_name, email, language)
    select ${store.id}, 'S' || i, 'First' || i, 'Last', 'c' || i || '@example.test', case when i % 5 = 0 then 'fr' else 'en' end
    from generate_series(1, ${n}) as i`.execute(k);
  const customers = await k
    .selectFrom('customers')
    .select(['id', 'first_name', 'last_name', 'email', 'language'])
    .where('store_id', '=', store.id)
    .orderBy('id')
    .execute();

  const messages = createMessageRenderer(createRenderer(), { uncompiled });
  const sender = storeSender(store);
  const si = storeInput(store);
  const smtp = createSmtpSender({
    host: '127.0.0.1',
    port,
    secure: false,
    user: null,
    password: null,
    from: 'Send Motors <service@send.test>',
    maxConnections: connections,
  });
  const dispatcher = createDispatcher({
    db: k,
    clock: systemClock,
    senders: { senderFor: () => Promise.resolve(smtp), close: () => Promise.resolve() },
    batchSize: 500,
    concurrency: connections * 2,
    idleMs: 20,
  });
  const countSent = async () =>
    Number(
      (
        await k
          .selectFrom('outbox_messages')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('status', '=', 'sent')
          .executeTakeFirstOrThrow()
      ).n,
    );
  // As in production: the batch renders and enqueues while the dispatcher sends what is queued.
  const t0 = performance.now();
  dispatcher.start();
  let renderMs = 0;
  for (let i = 0; i < customers.length; i += 1000) {
    const r0 = performance.now();
    const rows: NewOutboxMessage[] = customers.slice(i, i + 1000).map((c) => {
      const m = messages.render(
        { ...BENCH_SOURCE, body: BENCH_SOURCE.body },
        {
          customer: { firstName: c.first_name, lastName: c.last_name, language: c.language },
          store: si,
          unsubscribeUrl: null,
        },
        sender,
      );
      return {
        storeId: store.id,
        customerId: c.id,
        deliveryKey: deliveryKey({ sourceKind: 'batch', sourceRef: 'bench', customerId: c.id, channel: 'email' }),
        sourceKind: 'batch',
        sourceRef: 'bench',
        step: '',
        channel: 'email',
        purpose: 'service',
        contactType: 'maintenance',
        templateVersionId: null,
        userId: null,
        target: c.email,
        sender: null,
        cc: [],
        bcc: [],
        subject: m.subject,
        html: m.html,
        text: m.text,
        status: 'queued',
        statusReason: null,
        statusDetail: null,
        dueAt: new Date(0),
      };
    });
    renderMs += performance.now() - r0;
    await enqueueMessages(k, rows, new Date());
    dispatcher.poke();
  }
  const t1 = performance.now();
  while ((await countSent()) < n) await new Promise((r) => setTimeout(r, 25));
  const t2 = performance.now();
  await dispatcher.stop();
  await smtp.close?.();
  const sent = await k
    .selectFrom('outbox_messages')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'sent')
    .executeTakeFirstOrThrow();
  if (Number(sent.n) !== n) throw new Error(`only ${sent.n} of ${n} messages were sent`);
  return {
    renderRate: n / (renderMs / 1000),
    enqueueRate: n / ((t1 - t0) / 1000),
    overall: n / ((t2 - t0) / 1000),
  };
}

async function ledgerEnqueue(db: Db, n: number): Promise<number> {
  const k = db.kysely;
  const org = await ensureOrganisation(k);
  const store = await createStore(k, org, {
    code: 'ENQ',
    name: 'Enqueue Motors',
    country: 'CA',
    timeZone: 'America/Toronto',
  });
  await sql`insert into customers (store_id, dms_customer_number, email) select ${store.id}, 'E' || i, 'e' || i || '@example.test' from generate_series(1, ${n}) as i`.execute(
    k,
  );
  const ids = (await k.selectFrom('customers').select('id').where('store_id', '=', store.id).execute()).map(
    (r) => r.id,
  );
  const now = new Date();
  const t0 = performance.now();
  for (let i = 0; i < ids.length; i += 1000) {
    await enqueueMessages(
      k,
      ids.slice(i, i + 1000).map((id) => ({
        storeId: store.id,
        customerId: id,
        deliveryKey: deliveryKey({ sourceKind: 'batch', sourceRef: 'enqueue', customerId: id, channel: 'email' }),
        sourceKind: 'batch' as const,
        sourceRef: 'enqueue',
        step: '',
        channel: 'email' as const,
        purpose: 'service' as const,
        contactType: 'maintenance',
        templateVersionId: null,
        userId: null,
        target: `e${id}@example.test`,
        sender: null,
        cc: [],
        bcc: [],
        subject: 'Service',
        html: '<p>Service</p>',
        text: 'Service',
        status: 'queued' as const,
        statusReason: null,
        statusDetail: null,
        dueAt: new Date(now.getTime() + 86_400_000),
      })),
      now,
    );
  }
  return n / ((performance.now() - t0) / 1000);
}
