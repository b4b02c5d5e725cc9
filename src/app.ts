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
  config: Pick<Config, 'publicUrl' | 'secureCookies' | 'sessionTtlHours'>;
  db: Db;
  clock?: Clock;
  logger?: Logger | false;
  /** Folder of the built web app (default web/dist). */
  webDist?: string;
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
  storeSettingsRoutes(server, { db, clock });
  customersRoutes(server, { db, clock });
  contactMethodsRoutes(server, { db, clock });
  consentRoutes(server, { db, consent: createConsentService({ db, clock }) });
  eligibilityRoutes(server, { db, clock });
  verificationRoutes(server, { db, clock });
  importsRoutes(server, { db: deps.db });
  return server;
}
