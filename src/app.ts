import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger } from 'pino';
import { authRoutes } from './auth/auth.routes.ts';
import { createAuthService } from './auth/auth.service.ts';
import type { Config } from './config.ts';
import { consentRoutes } from './consent/consent.routes.ts';
import { createConsentService } from './consent/consent.service.ts';
import { eligibilityRoutes } from './consent/eligibility.routes.ts';
import { verificationRoutes } from './consent/verification.routes.ts';
import { contactMethodsRoutes } from './customers/contact-methods.routes.ts';
import { customersRoutes } from './customers/customers.routes.ts';
import { importsRoutes } from './customers/imports.routes.ts';
import type { Db } from './db/connect.ts';
import { healthRoutes } from './http/health.routes.ts';
import { createServer } from './http/server.ts';
import { registerSession } from './http/session.plugin.ts';
import type { Clock } from './shared/clock.ts';
import { systemClock } from './shared/clock.ts';
import { storeSettingsRoutes } from './stores/store-settings.routes.ts';
import { storesRoutes } from './stores/stores.routes.ts';
import { storeStaffRoutes } from './stores/store-staff.routes.ts';
import { createPreviewService } from './templates/preview.service.ts';
import { createRenderer, type Renderer } from './templates/render.ts';
import { createTemplatesService } from './templates/templates.service.ts';
import { messagesRoutes } from './delivery/messages.routes.ts';
import { testSendRoutes } from './delivery/test-send.routes.ts';
import { createTestSendService } from './delivery/test-send.service.ts';
import { createSendService } from './delivery/send.service.ts';
import { unsubscribeRoutes } from './delivery/unsubscribe.routes.ts';
import { createUnsubscribeService, type UnsubscribeService } from './delivery/unsubscribe.service.ts';
import { purposeKey } from './shared/secret-key.ts';
import { createDispatcher, type Dispatcher } from './delivery/dispatcher.ts';
import { createSettingsResolver, type SenderResolver } from './channels/sender-resolver.ts';
import { createChannelSettingsService } from './channels/channel-settings.service.ts';
import { channelSettingsRoutes } from './channels/channel-settings.routes.ts';
import { createDeliveryFeedback } from './delivery/delivery-feedback.service.ts';
import { createInboundService } from './delivery/webhooks/inbound.service.ts';
import { createInboundMailService, type InboundMailService } from './delivery/inbound-mail/inbound-mail.service.ts';
import { twilioWebhookRoutes } from './delivery/webhooks/twilio.routes.ts';
import { eventsWebhookRoutes } from './delivery/webhooks/events.routes.ts';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.ts';
import type { ConsentService } from './consent/consent.service.ts';
import { templatesRoutes } from './templates/templates.routes.ts';
import { createPrintFileCloser, type PrintFileCloser } from './channels/print/print-file.closer.ts';
import { createPrintFilesService } from './delivery/print-files.service.ts';
import { printFilesRoutes } from './delivery/print-files.routes.ts';
import { createBatchRunService, type BatchRunService } from './campaigns/batch-run.service.ts';
import { createLifecycleRunService, type LifecycleRunService } from './lifecycle/lifecycle-run.service.ts';
import { createLifecycleSendCheck } from './lifecycle/lifecycle-send-check.ts';
import { createLifecycleSettingsService } from './lifecycle/lifecycle-settings.service.ts';
import { lifecycleRoutes } from './lifecycle/lifecycle.routes.ts';
import { callListRoutes } from './calls/call-list.routes.ts';
import { inboxRoutes } from './inbox/inbox.routes.ts';
import { createInboxService } from './inbox/inbox.service.ts';
import { createCampaignReplyNotifier } from './inbox/campaign-replies.ts';
import { createCallListService } from './calls/call-list.service.ts';
import { createCallResultsService } from './calls/call-results.service.ts';
import { createExportRunsService, type ExportRunsService } from './exports/export-runs.service.ts';
import { exportTargetsRoutes } from './exports/export-targets.routes.ts';
import { mailMergeRoutes } from './exports/mail-merge.routes.ts';
import { createExportTargetsService, type ExportTargetsService } from './exports/export-targets.service.ts';
import { createFtpUploader } from './exports/ftp.uploader.ts';
import { createSftpUploader } from './exports/sftp.uploader.ts';
import { batchSchedulesRoutes } from './campaigns/batch-schedules.routes.ts';
import { batchStatusRoutes } from './campaigns/batch-status.routes.ts';
import { createBatchSchedulesService } from './campaigns/batch-schedules.service.ts';
import { campaignOptionsRoutes } from './campaigns/campaign-options.routes.ts';
import { voiceSetupRoutes } from './voice/voice-setup.routes.ts';
import { simulatorKeys, voiceConfigFor } from './channels/voice/voice-config.ts';
import { startVoiceSimulator } from './channels/voice/voice-simulator.server.ts';
import { voiceWebhookRoutes } from './delivery/webhooks/voice.routes.ts';
import { voiceReportRoutes } from './delivery/voice/voice-report.routes.ts';
import { createVoicePorts, type VoicePorts } from './delivery/voice/voice-ports.ts';
import { createVoiceResults, type VoiceResultSignal } from './delivery/voice/voice-results.service.ts';
import { createVoiceSetupService } from './voice/voice-setup.service.ts';
import { contactTypesRoutes } from './campaigns/contact-types.routes.ts';
import { createContactTypesService } from './campaigns/contact-types.service.ts';
import { savedQueriesRoutes } from './segments/saved-queries.routes.ts';
import { createSavedQueriesService } from './segments/saved-queries.service.ts';

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const VERSION = '0.1.0';

export function createLogger(level: string): Logger {
  return pino({
    level,
    // Secrets never reach the log, whatever a caller passes.
    redact: [
      'req.headers.cookie',
      'req.headers.authorization',
      'req.headers["x-csrf-token"]',
      '*.password',
      '*.password_hash',
      '*.secret',
    ],
  });
}

export interface AppDeps {
  config: Pick<Config, 'publicUrl' | 'secureCookies' | 'sessionTtlHours' | 'dataDir'> &
    Partial<Pick<Config, 'inboundEmail'>>;
  db: Db;
  clock?: Clock;
  logger?: Logger | false;
  /** Folder of the built web app (default web/dist). */
  webDist?: string;
  /** The shared template renderer (one per process; built here when not given). */
  renderer?: Renderer;
  /** The installation's master key (shared/secret-key.ts). */
  masterKey: Buffer;
  /** Called after a message is written to the outbox (wakes an in-process dispatcher). */
  onEnqueued?: () => void;
  /** Called after a batch schedule is created or changed (the worker's cron follows). */
  onSchedulesChanged?: () => void;
  /** Called after an export target is changed (the worker's export cron follows). */
  onExportTargetsChanged?: () => void;
  /** Wakes this process's voice ports when a drop's result arrives (they poll otherwise). */
  voiceSignal?: VoiceResultSignal;
}

/** The unsubscribe links service: used by the HTTP side and by the dispatcher for headers. */
export function buildUnsubscribe(deps: {
  db: Kysely<Database>;
  clock: Clock;
  consent: ConsentService;
  masterKey: Buffer;
  publicUrl: string;
  inboundEmail?: string | undefined;
}): UnsubscribeService {
  return createUnsubscribeService({
    db: deps.db,
    clock: deps.clock,
    consent: deps.consent,
    key: purposeKey(deps.masterKey, 'unsubscribe'),
    publicUrl: deps.publicUrl,
    mailtoAddress: deps.inboundEmail ?? null,
  });
}

/** Closes print files into merged PDFs under the data folder: on demand (HTTP) and from the worker. */
export function buildPrintFileCloser(deps: {
  db: Kysely<Database>;
  clock: Clock;
  dataDir: string;
  logger?: Logger | undefined;
}): PrintFileCloser {
  return createPrintFileCloser(deps);
}

/** What a run service outside the HTTP side is built from (the worker, the CLI). */
interface RunDeps {
  config: Pick<Config, 'publicUrl' | 'inboundEmail'>;
  db: Kysely<Database>;
  clock: Clock;
  masterKey: Buffer;
  owner: string;
  onEnqueued?: () => void;
}

/** The parts every run service shares: renderer, unsubscribe links, owner and wake-up. */
function runParts(deps: RunDeps) {
  const unsubscribe = buildUnsubscribe({
    db: deps.db,
    clock: deps.clock,
    consent: createConsentService({ db: deps.db, clock: deps.clock }),
    masterKey: deps.masterKey,
    publicUrl: deps.config.publicUrl,
    inboundEmail: deps.config.inboundEmail,
  });
  return {
    db: deps.db,
    clock: deps.clock,
    renderer: createRenderer(),
    unsubscribe,
    owner: deps.owner,
    ...(deps.onEnqueued ? { onEnqueued: deps.onEnqueued } : {}),
  };
}

/** Batch runs outside the HTTP side: the worker's cron and `forecourt batch run`. */
export function buildBatchRuns(deps: RunDeps): BatchRunService {
  return createBatchRunService(runParts(deps));
}

/** 360° Customer Contact runs outside the HTTP side: the worker's daily tick and `forecourt lifecycle run`. */
export function buildLifecycleRuns(deps: RunDeps): LifecycleRunService {
  return createLifecycleRunService(runParts(deps));
}

/**
 * Partner exports: targets (sealed passwords) and runs that write the extract under the data
 * folder and upload it by FTP, FTPS or SFTP. For the routes, the worker's nightly cron and retries,
 * and `forecourt export`.
 */
export function buildExports(deps: {
  config: Pick<Config, 'dataDir'>;
  db: Kysely<Database>;
  clock: Clock;
  masterKey: Buffer;
  logger?: Logger | undefined;
  onTargetsChanged?: () => void;
}): { targets: ExportTargetsService; runs: ExportRunsService } {
  const targets = createExportTargetsService({
    db: deps.db,
    clock: deps.clock,
    secretsKey: purposeKey(deps.masterKey, 'provider-secrets'),
    ...(deps.onTargetsChanged ? { onChange: deps.onTargetsChanged } : {}),
  });
  const runs = createExportRunsService({
    db: deps.db,
    clock: deps.clock,
    targets,
    dataDir: deps.config.dataDir,
    uploaderFor: (config, policy) =>
      config.protocol === 'sftp' ? createSftpUploader(config, policy) : createFtpUploader(config, policy),
    logger: deps.logger,
  });
  return { targets, runs };
}

/**
 * The composition root of the HTTP side: builds services from the database, clock and
 * configuration and mounts every route. Nothing else constructs services.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const clock = deps.clock ?? systemClock;
  const db = deps.db.kysely;
  const server = await createServer({
    logger: deps.logger ?? false,
    webDist: deps.webDist ?? path.join(ROOT_DIR, 'web', 'dist'),
    publicUrl: deps.config.publicUrl,
    version: VERSION,
  });
  const auth = createAuthService({ db, clock, sessionTtlHours: deps.config.sessionTtlHours });
  registerSession(server, auth);
  healthRoutes(server, { db, databaseKind: deps.db.kind, version: VERSION });
  authRoutes(server, { auth, secureCookies: deps.config.secureCookies, sessionTtlHours: deps.config.sessionTtlHours });
  storesRoutes(server);
  storeStaffRoutes(server, { db });
  storeSettingsRoutes(server, { db, clock });
  customersRoutes(server, { db, clock });
  contactMethodsRoutes(server, { db, clock });
  const consent = createConsentService({ db, clock });
  consentRoutes(server, { db, consent });
  eligibilityRoutes(server, { db, clock });
  verificationRoutes(server, { db, clock });
  importsRoutes(server, { db: deps.db });
  const renderer = deps.renderer ?? createRenderer();
  const previews = createPreviewService({ db, renderer, clock, publicUrl: deps.config.publicUrl });
  templatesRoutes(server, { db, templates: createTemplatesService({ db, renderer, clock }), previews });
  savedQueriesRoutes(server, { db, clock, queries: createSavedQueriesService({ db, clock }) });
  contactTypesRoutes(server, { db, contacts: createContactTypesService({ db }) });
  testSendRoutes(server, {
    db,
    testSend: createTestSendService({
      db,
      clock,
      previews,
      ...(deps.onEnqueued ? { onEnqueued: deps.onEnqueued } : {}),
    }),
  });
  const unsubscribe = buildUnsubscribe({
    db,
    clock,
    consent,
    masterKey: deps.masterKey,
    publicUrl: deps.config.publicUrl,
    inboundEmail: deps.config.inboundEmail,
  });
  unsubscribeRoutes(server, { unsubscribe });
  const channels = createChannelSettingsService({
    db,
    clock,
    secretsKey: purposeKey(deps.masterKey, 'provider-secrets'),
  });
  channelSettingsRoutes(server, { channels });
  const feedback = createDeliveryFeedback({ db, clock });
  eventsWebhookRoutes(server, { db, clock, channels, feedback });
  voiceReportRoutes(server, { db });
  voiceWebhookRoutes(server, {
    db,
    clock,
    channels,
    masterKey: deps.masterKey,
    results: createVoiceResults({ db, clock, ...(deps.voiceSignal ? { signal: deps.voiceSignal } : {}) }),
  });
  const notifyCampaignReply = createCampaignReplyNotifier({
    db,
    clock,
    publicUrl: deps.config.publicUrl,
    ...(deps.onEnqueued ? { onEnqueued: deps.onEnqueued } : {}),
  });
  twilioWebhookRoutes(server, {
    db,
    clock,
    channels,
    feedback,
    inbound: createInboundService({
      db,
      clock,
      onMessage: async (m) => {
        await notifyCampaignReply(m);
      },
    }),
    publicUrl: deps.config.publicUrl,
  });
  const closer = buildPrintFileCloser({ db, clock, dataDir: deps.config.dataDir });
  printFilesRoutes(server, {
    printFiles: createPrintFilesService({ db, clock, closer }),
    dataDir: deps.config.dataDir,
  });
  messagesRoutes(server, {
    db,
    send: createSendService({
      db,
      clock,
      renderer,
      unsubscribe,
      ...(deps.onEnqueued ? { onEnqueued: deps.onEnqueued } : {}),
    }),
  });
  campaignOptionsRoutes(server, { db, clock });
  voiceSetupRoutes(server, {
    voice: createVoiceSetupService({ db, clock, ...(deps.onEnqueued ? { onEnqueued: deps.onEnqueued } : {}) }),
  });
  batchSchedulesRoutes(server, {
    db,
    schedules: createBatchSchedulesService({
      db,
      clock,
      ...(deps.onSchedulesChanged ? { onChange: deps.onSchedulesChanged } : {}),
    }),
    runs: createBatchRunService({
      db,
      clock,
      renderer,
      unsubscribe,
      owner: `http:${process.pid}`,
      ...(deps.onEnqueued ? { onEnqueued: deps.onEnqueued } : {}),
    }),
  });
  batchStatusRoutes(server, { db, clock });
  mailMergeRoutes(server, { db, clock });
  inboxRoutes(server, {
    inbox: createInboxService({
      db,
      clock,
      send: createSendService({
        db,
        clock,
        renderer,
        unsubscribe,
        ...(deps.onEnqueued ? { onEnqueued: deps.onEnqueued } : {}),
      }),
    }),
  });
  callListRoutes(server, {
    db,
    clock,
    calls: createCallListService({ db, clock }),
    results: createCallResultsService({ db, clock }),
  });
  exportTargetsRoutes(server, {
    db,
    ...buildExports({
      config: deps.config,
      db,
      clock,
      masterKey: deps.masterKey,
      logger: deps.logger || undefined,
      ...(deps.onExportTargetsChanged ? { onTargetsChanged: deps.onExportTargetsChanged } : {}),
    }),
  });
  lifecycleRoutes(server, {
    db,
    clock,
    settings: createLifecycleSettingsService({ db, clock }),
    runs: createLifecycleRunService({
      db,
      clock,
      renderer,
      unsubscribe,
      owner: `http:${process.pid}`,
      ...(deps.onEnqueued ? { onEnqueued: deps.onEnqueued } : {}),
    }),
  });
  return server;
}

/**
 * Voice drops: the local simulator (the default provider, on 127.0.0.1) and the ports that send
 * each job's drops one at a time. Results come back through the API's webhook.
 */
export async function buildVoice(deps: {
  config: Pick<Config, 'publicUrl'>;
  db: Db;
  clock: Clock;
  logger: Logger;
  masterKey: Buffer;
  signal: VoiceResultSignal;
}): Promise<{ ports: VoicePorts; close(): Promise<void> }> {
  const db = deps.db.kysely;
  const channels = createChannelSettingsService({
    db,
    clock: deps.clock,
    secretsKey: purposeKey(deps.masterKey, 'provider-secrets'),
  });
  const keys = simulatorKeys(deps.masterKey);
  const simulator = await startVoiceSimulator({
    apiKey: keys.apiKey,
    webhookSecret: keys.webhookSecret,
    defaults: { msPerDrop: 2000, mix: { delivered: 70, busy: 10, unavailable: 10, impossible: 5, failed: 5 } },
    logger: deps.logger,
    now: () => deps.clock.now(),
  });
  const base = deps.config.publicUrl.replace(/\/$/, '');
  const ports = createVoicePorts({
    db,
    clock: deps.clock,
    logger: deps.logger,
    owner: `voice:${process.pid}`,
    configFor: (storeId) => voiceConfigFor(channels, storeId, { url: simulator.url, apiKey: keys.apiKey }),
    callbackUrl: (storeId) => `${base}/api/webhooks/voice/${storeId}`,
    results: createVoiceResults({ db, clock: deps.clock, signal: deps.signal }),
    signal: deps.signal,
  });
  return {
    ports,
    async close() {
      await ports.stop();
      await simulator.close();
    },
  };
}

/**
 * The outbox worker and its providers: built here, with everything else that talks to the
 * outside world. Marketing e-mail gets List-Unsubscribe headers from the unsubscribe service.
 */
export function buildDispatcher(deps: {
  config: Pick<Config, 'dataDir' | 'publicUrl'> & Partial<Pick<Config, 'inboundEmail'>>;
  db: Db;
  clock: Clock;
  logger?: Logger;
  masterKey: Buffer;
}): {
  dispatcher: Dispatcher;
  senders: SenderResolver;
  inboundMail: InboundMailService;
  printFiles: PrintFileCloser;
} {
  const db = deps.db.kysely;
  const consent = createConsentService({ db, clock: deps.clock });
  const unsubscribe = buildUnsubscribe({
    db,
    clock: deps.clock,
    consent,
    masterKey: deps.masterKey,
    publicUrl: deps.config.publicUrl,
    inboundEmail: deps.config.inboundEmail,
  });
  const senders = createSettingsResolver({
    settings: createChannelSettingsService({
      db,
      clock: deps.clock,
      secretsKey: purposeKey(deps.masterKey, 'provider-secrets'),
    }),
    db,
    clock: deps.clock,
    dataDir: deps.config.dataDir,
    publicUrl: deps.config.publicUrl,
    returnPath: deps.config.inboundEmail,
  });
  const feedback = createDeliveryFeedback({ db, clock: deps.clock });
  const dispatcher = createDispatcher({
    db,
    clock: deps.clock,
    senders,
    sourceChecks: [createLifecycleSendCheck(db)],
    logger: deps.logger,
    onOutcome: (m, _outcome, result) => feedback.afterAttempt(m, result),
    // Marketing e-mail and every 360° e-mail (whose unsubscribe also sets Do Not Mail) carry List-Unsubscribe.
    headersFor: (m) =>
      m.channel === 'email' && m.customer_id !== null && (m.purpose === 'marketing' || m.source_kind === 'automation')
        ? unsubscribe.headersFor(
            unsubscribe.urlFor({
              customerId: m.customer_id,
              storeId: m.store_id,
              channel: 'email',
              purpose: m.purpose,
              messageId: m.id,
              ...(m.source_kind === 'automation' ? { doNotMail: true } : {}),
            }),
          )
        : {},
  });
  const inboundMail = createInboundMailService({ db, feedback, unsubscribe, consent, logger: deps.logger });
  const printFiles = buildPrintFileCloser({
    db,
    clock: deps.clock,
    dataDir: deps.config.dataDir,
    logger: deps.logger,
  });
  return { dispatcher, senders, inboundMail, printFiles };
}
