import path from 'node:path';
import { z } from 'zod';

/** Everything the process reads from its environment, validated once at start-up. */
export interface Config {
  /** `postgres://…` to use a PostgreSQL server; undefined means the embedded PGlite database. */
  databaseUrl: string | undefined;
  /** Folder holding the embedded database and other local state. */
  dataDir: string;
  host: string;
  port: number;
  /** Public base URL used in links (unsubscribe, docs); defaults to the listen address. */
  publicUrl: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Cookies get the Secure flag when the public URL is https. */
  secureCookies: boolean;
  logLevel: string;
  /** Load the small demo data set into an empty database on start. */
  demoOnFirstRun: boolean;
  sessionTtlHours: number;
  /** `forecourt user add` uses this password instead of generating one (keeps it out of shell history). */
  newUserPassword: string | undefined;
  /** Master key material (signing links, encrypting provider secrets); else a key file in dataDir. */
  secretKey: string | undefined;
  /**
   * The address bounce reports, complaints and mailto unsubscribes come back to (the Return-Path
   * of our e-mail and List-Unsubscribe's mailto); its mail must reach the inbound SMTP listener.
   */
  inboundEmail: string | undefined;
  /** Port of the inbound SMTP listener the worker runs; undefined: no listener. */
  inboundSmtpPort: number | undefined;
}

const schema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  FORECOURT_DATA_DIR: z.string().min(1).default('./.forecourt'),
  HOST: z.string().default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  FORECOURT_PUBLIC_URL: z.string().url().optional(),
  FORECOURT_ADMIN_EMAIL: z.string().email().optional(),
  FORECOURT_ADMIN_PASSWORD: z.string().min(8, 'FORECOURT_ADMIN_PASSWORD needs 8 characters or more').optional(),
  FORECOURT_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  FORECOURT_DEMO: z.enum(['auto', 'off']).default('auto'),
  FORECOURT_SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  FORECOURT_NEW_USER_PASSWORD: z.string().min(8, 'FORECOURT_NEW_USER_PASSWORD needs 8 characters or more').optional(),
  FORECOURT_SECRET_KEY: z.string().min(32, 'FORECOURT_SECRET_KEY needs 32 characters or more').optional(),
  FORECOURT_INBOUND_EMAIL: z.string().email().optional(),
  FORECOURT_INBOUND_SMTP_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

/** Reads the environment; throws one readable error listing every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set" (as shells and .env files usually intend).
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const publicUrl = (e.FORECOURT_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, '');
  return {
    databaseUrl: e.DATABASE_URL,
    dataDir: path.resolve(e.FORECOURT_DATA_DIR),
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    adminEmail: e.FORECOURT_ADMIN_EMAIL,
    adminPassword: e.FORECOURT_ADMIN_PASSWORD,
    secureCookies: publicUrl.startsWith('https://'),
    logLevel: e.FORECOURT_LOG_LEVEL,
    demoOnFirstRun: e.FORECOURT_DEMO === 'auto',
    sessionTtlHours: e.FORECOURT_SESSION_TTL_HOURS,
    newUserPassword: e.FORECOURT_NEW_USER_PASSWORD,
    secretKey: e.FORECOURT_SECRET_KEY,
    inboundEmail: e.FORECOURT_INBOUND_EMAIL,
    inboundSmtpPort: e.FORECOURT_INBOUND_SMTP_PORT,
  };
}
