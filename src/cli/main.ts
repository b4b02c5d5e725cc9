import { Command, InvalidArgumentError } from 'commander';
import {
  buildApp,
  buildBatchRuns,
  buildDispatcher,
  buildExports,
  buildLifecycleRuns,
  buildVoice,
  createLogger,
  VERSION,
} from '../app.ts';
import { createVoiceResultSignal } from '../delivery/voice/voice-results.service.ts';
import { ensureFirstAdmin } from '../auth/auth.service.ts';
import { loadConfig, type Config } from '../config.ts';
import { openDatabase, type Db } from '../db/connect.ts';
import { migrateToLatest } from '../db/migrate.ts';
import type { Dispatcher } from '../delivery/dispatcher.ts';
import { startInboundSmtp } from '../delivery/inbound-mail/inbound-smtp.server.ts';
import { loadOrCreateMasterKey } from '../shared/secret-key.ts';
import { ensureDefaultTemplatesForAllStores } from '../templates/templates.store.ts';
import { ensureContactDefaultsForAllStores } from '../campaigns/contact-types.store.ts';
import { runExport } from './export.command.ts';
import { runLifecycle } from './lifecycle.command.ts';
import { startExportScheduler } from '../jobs/export-scheduler.ts';
import { startWorker } from '../jobs/worker.ts';
import { startBatchScheduler, type BatchScheduler } from '../jobs/batch-scheduler.ts';
import { systemClock } from '../shared/clock.ts';
import { runDemo } from './demo.command.ts';
import { runImport } from './import.command.ts';
import { runExplain } from './explain.command.ts';
import { runBatch } from './batch.command.ts';
import { runAddUser } from './user.command.ts';
import { isDatabaseEmpty } from '../customers/demo/demo.service.ts';

const positiveInt = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('must be a whole number of 1 or more');
  return n;
};

async function openMigrated(config: Config): Promise<Db> {
  const db = await openDatabase(config);
  try {
    await migrateToLatest(db);
    return db;
  } catch (err) {
    await db.close();
    throw err;
  }
}

/** Runs until SIGINT/SIGTERM, then stops what was started in reverse order. */
function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`\n${signal} received, shutting down…\n`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

async function run(roles: { serve: boolean; work: boolean; demo: boolean }): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  const db = await openMigrated(config);
  const admin = await ensureFirstAdmin(db.kysely, { email: config.adminEmail, password: config.adminPassword });
  if (roles.demo && config.demoOnFirstRun && (await isDatabaseEmpty(db))) {
    process.stderr.write('First run: loading demo data (about 5,000 customers over 2 stores)…\n');
    await runDemo({ db, stores: 2, customers: 5000, seed: 42 });
  }
  // Stores created since the last start (demo, import, another process) get the default templates.
  await ensureDefaultTemplatesForAllStores(db.kysely);
  await ensureContactDefaultsForAllStores(db.kysely);
  const masterKey = loadOrCreateMasterKey({ fromEnv: config.secretKey, dataDir: config.dataDir });
  const stops: (() => Promise<void>)[] = [];
  let dispatcher: Dispatcher | undefined;
  let batches: BatchScheduler | undefined;
  let exportCronPoke: (() => void) | undefined;
  let voice: Awaited<ReturnType<typeof buildVoice>> | undefined;
  const voiceSignal = createVoiceResultSignal();
  if (roles.work) {
    const delivery = buildDispatcher({ config, db, clock: systemClock, logger, masterKey });
    dispatcher = delivery.dispatcher;
    voice = await buildVoice({ config, db, clock: systemClock, logger, masterKey, signal: voiceSignal });
    voice.ports.start();
    batches = await startBatchScheduler({
      db,
      clock: systemClock,
      logger,
      runs: buildBatchRuns({
        config,
        db: db.kysely,
        clock: systemClock,
        masterKey,
        owner: `work:${process.pid}`,
        onEnqueued: () => {
          dispatcher?.poke();
          voice?.ports.poke();
        },
      }),
    });
    const exportsBuilt = buildExports({ config, db: db.kysely, clock: systemClock, masterKey, logger });
    const exportCron = await startExportScheduler({ db, boss: batches.boss, logger, runs: exportsBuilt.runs });
    exportCronPoke = () => exportCron.poke();
    const worker = startWorker({
      db,
      clock: systemClock,
      logger,
      dispatcher,
      printFiles: delivery.printFiles,
      batches,
      lifecycle: buildLifecycleRuns({
        config,
        db: db.kysely,
        clock: systemClock,
        masterKey,
        owner: `work:${process.pid}`,
        onEnqueued: () => dispatcher?.poke(),
      }),
      exports: exportsBuilt.runs,
    });
    const inbound =
      config.inboundSmtpPort === undefined
        ? null
        : await startInboundSmtp({
            host: config.host,
            port: config.inboundSmtpPort,
            mail: delivery.inboundMail,
            logger,
          });
    if (inbound) logger.info({ port: inbound.port }, 'inbound SMTP listening (bounces, complaints, unsubscribes)');
    stops.push(async () => {
      await inbound?.close();
      await voice?.close();
      await exportCron.stop();
      await worker.stop();
      await delivery.senders.close();
    });
  }
  if (roles.serve) {
    const app = await buildApp({
      config,
      db,
      logger,
      masterKey,
      ...(dispatcher
        ? {
            onEnqueued: () => {
              dispatcher?.poke();
              voice?.ports.poke();
            },
          }
        : {}),
      ...(batches ? { onSchedulesChanged: () => batches?.poke() } : {}),
      ...(exportCronPoke ? { onExportTargetsChanged: exportCronPoke } : {}),
      voiceSignal,
    });
    await app.listen({ host: config.host, port: config.port });
    stops.push(() => app.close());
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = config.publicUrl.replace(`:${config.port}`, `:${port}`);
    const lines = [
      '',
      `  Forecourt ${VERSION} is running at ${url}`,
      `  API docs: ${url}/api/docs`,
      `  Database: ${db.kind === 'pglite' ? `embedded PGlite in ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`,
    ];
    if (admin?.generatedPassword) {
      lines.push(`  Log in as ${admin.email} with password ${admin.generatedPassword}`);
      lines.push(
        '  (shown once; set FORECOURT_ADMIN_EMAIL / FORECOURT_ADMIN_PASSWORD before the first start to choose them)',
      );
    } else if (admin) {
      lines.push(`  Log in as ${admin.email} with the password from FORECOURT_ADMIN_PASSWORD`);
    } else {
      lines.push('  Log in with your existing account.');
    }
    process.stdout.write(`${lines.join('\n')}\n\n`);
  }
  onShutdown(async () => {
    for (const stop of stops.reverse()) await stop();
    await db.close();
  });
}

const program = new Command('forecourt').version(VERSION).description('Customer-outreach engine for dealerships');

program
  .command('start', { isDefault: true })
  .description('serve the API and web app and run the workers in one process (loads demo data on first run)')
  .action(() => run({ serve: true, work: true, demo: true }));
program
  .command('serve')
  .description('serve the API and web app')
  .action(() => run({ serve: true, work: false, demo: false }));
program
  .command('work')
  .description('run background jobs (scheduler and senders)')
  .action(() => run({ serve: false, work: true, demo: false }));

program
  .command('migrate')
  .description('bring the database schema to the latest version')
  .action(async () => {
    const db = await openDatabase(loadConfig());
    try {
      const applied = await migrateToLatest(db);
      console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.');
    } finally {
      await db.close();
    }
  });

program
  .command('demo')
  .description('generate a realistic demo dealership group')
  .option('--stores <k>', 'number of stores', positiveInt, 2)
  .option('--customers <n>', 'number of customers over all stores', positiveInt, 5000)
  .option('--seed <n>', 'random seed, for repeatable data', positiveInt)
  .action(async (opts: { stores: number; customers: number; seed?: number }) => {
    const db = await openMigrated(loadConfig());
    try {
      process.exitCode = await runDemo({
        db,
        stores: opts.stores,
        customers: opts.customers,
        ...(opts.seed ? { seed: opts.seed } : {}),
      });
    } finally {
      await db.close();
    }
  });

program
  .command('import')
  .description('import a DMS CSV export: customers, vehicles, visits, appointments or deals')
  .argument('<kind>', 'customers | vehicles | visits | appointments | deals')
  .argument('<file>', 'the CSV file')
  .requiredOption('--store <code>', 'the store code the file belongs to')
  .option('--json', 'print the report as JSON')
  .option('--encoding <enc>', 'auto | utf-8 | windows-1252', 'auto')
  .action(async (kind: string, file: string, opts: { store: string; json?: boolean; encoding: string }) => {
    const db = await openMigrated(loadConfig());
    try {
      process.exitCode = await runImport({
        db,
        storeCode: opts.store,
        kind,
        file,
        json: opts.json === true,
        encoding: opts.encoding,
      });
    } finally {
      await db.close();
    }
  });

program
  .command('explain')
  .description('say whether a customer may be contacted on a channel for a purpose, and why not')
  .argument('<customer>', 'customer id, or DMS customer number with --store')
  .requiredOption('--channel <channel>', 'email | sms | voice | call | letter | fax')
  .requiredOption('--purpose <purpose>', 'marketing | service')
  .option('--store <code>', 'the store, when <customer> is a DMS customer number')
  .option('--at <iso>', 'the time to decide for (default: now)')
  .option('--day-part <part>', 'all | day | late_day: the Day / Late Day selection of a batch (default: all)')
  .option('--json', 'print the decision as JSON')
  .action(
    async (
      customer: string,
      opts: { channel: string; purpose: string; store?: string; at?: string; dayPart?: string; json?: boolean },
    ) => {
      const db = await openMigrated(loadConfig());
      try {
        process.exitCode = await runExplain({
          db,
          customer,
          storeCode: opts.store,
          channel: opts.channel,
          purpose: opts.purpose,
          at: opts.at,
          dayPart: opts.dayPart,
          json: opts.json === true,
        });
      } finally {
        await db.close();
      }
    },
  );

program
  .command('batch')
  .description('batch contacts')
  .command('run')
  .description('run a batch schedule now, or show with --dry-run who it would contact and why others are not taken')
  .argument('<schedule>', 'schedule id, or its name with --store')
  .option('--store <code>', 'the store, when <schedule> is a name')
  .option('--at <iso>', 'the as-of time (default: now); the run is for that day in the store’s zone')
  .option('--dry-run', 'send nothing; print the counts and the first customers it would take')
  .option('--json', 'print the report as JSON')
  .action(async (schedule: string, opts: { store?: string; at?: string; dryRun?: boolean; json?: boolean }) => {
    const config = loadConfig();
    const db = await openMigrated(config);
    try {
      const masterKey = loadOrCreateMasterKey({ fromEnv: config.secretKey, dataDir: config.dataDir });
      process.exitCode = await runBatch({
        db,
        runs: buildBatchRuns({ config, db: db.kysely, clock: systemClock, masterKey, owner: `cli:${process.pid}` }),
        schedule,
        storeCode: opts.store,
        at: opts.at,
        dryRun: opts.dryRun === true,
        json: opts.json === true,
      });
    } finally {
      await db.close();
    }
  });

program
  .command('lifecycle')
  .description('360° Customer Contact (service reminders, no-show, thank-you, deferred work, inactive)')
  .command('run')
  .description('run a store’s lifecycle steps for a day, or show with --dry-run what would go out and why')
  .requiredOption('--store <code>', 'the store')
  .option('--at <iso>', 'the as-of time (default: now); the run is for that day in the store’s zone')
  .option('--dry-run', 'send nothing; print each due message and what would happen to it')
  .option('--json', 'print the report as JSON')
  .action(async (opts: { store: string; at?: string; dryRun?: boolean; json?: boolean }) => {
    const config = loadConfig();
    const db = await openMigrated(config);
    try {
      const masterKey = loadOrCreateMasterKey({ fromEnv: config.secretKey, dataDir: config.dataDir });
      process.exitCode = await runLifecycle({
        db,
        runs: buildLifecycleRuns({ config, db: db.kysely, clock: systemClock, masterKey, owner: `cli:${process.pid}` }),
        storeCode: opts.store,
        at: opts.at,
        dryRun: opts.dryRun === true,
        json: opts.json === true,
      });
    } finally {
      await db.close();
    }
  });

program
  .command('export')
  .description(
    'write a partner export now and upload it (customerlink, mechanicnet, carfax), or only write it with --out',
  )
  .argument('<target>', 'customerlink | mechanicnet | carfax')
  .requiredOption('--store <code>', 'the store')
  .option('--out <file>', 'write the extract to this file and upload nothing')
  .action(async (target: string, opts: { store: string; out?: string }) => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const db = await openMigrated(config);
    try {
      const masterKey = loadOrCreateMasterKey({ fromEnv: config.secretKey, dataDir: config.dataDir });
      const { runs } = buildExports({ config, db: db.kysely, clock: systemClock, masterKey, logger });
      process.exitCode = await runExport({ db, runs, target, storeCode: opts.store, out: opts.out });
    } finally {
      await db.close();
    }
  });

program
  .command('user')
  .description('manage users')
  .command('add')
  .description('create a user (the password is generated and printed once unless FORECOURT_NEW_USER_PASSWORD is set)')
  .requiredOption('--email <email>', 'their login e-mail')
  .requiredOption('--name <name>', 'their full name')
  .requiredOption('--role <role>', 'admin | manager | agent')
  .option('--stores <codes>', 'comma-separated store codes they may see', '')
  .action(async (opts: { email: string; name: string; role: string; stores: string }) => {
    const db = await openMigrated(loadConfig());
    try {
      const stores = opts.stores
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      process.exitCode = await runAddUser({ db, ...opts, stores, password: loadConfig().newUserPassword });
    } finally {
      await db.close();
    }
  });

program.parseAsync().catch((err: unknown) => {
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`forecourt: ${message}\n`);
  process.exit(1);
});
