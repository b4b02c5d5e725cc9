import path from 'node:path';
import type { Kysely } from 'kysely';
import type { ChannelKind, Database, OutboxMessage, TemplateChannel } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import type { ChannelSender } from './channel.ts';
import type { ChannelSettingsService } from './channel-settings.service.ts';
import { printApiSettings, smtpSettings, twilioSettings } from './channel-settings.ts';
import { createSmtpSender } from './email/smtp.sender.ts';
import { createFileOutboxSender } from './outbox/file-outbox.sender.ts';
import { createPrintApiSender } from './print/print-api.sender.ts';
import { createPrintFileSender } from './print/print-file.sender.ts';
import { messageStoreAndLanguage } from './print/print-files.store.ts';
import { printContextOf } from './print/print-input.ts';
import { createTwilioSender } from './sms/twilio.sender.ts';

/** Picks the provider for a message; the dispatcher never builds one. */
export interface SenderResolver {
  senderFor(message: OutboxMessage): Promise<ChannelSender>;
  close(): Promise<void>;
}

/** The settings channel an outbox channel is configured under. */
export function settingsChannel(channel: TemplateChannel): ChannelKind {
  switch (channel) {
    case 'email':
      return 'email';
    case 'sms':
      return 'sms';
    case 'voice':
      return 'voice';
    case 'letter':
    case 'postcard':
      return 'print';
  }
}

/** Every message to the local outbox folder: for tools and tests that must never send. */
export function createOutboxOnlyResolver(dataDir: string): SenderResolver {
  const outbox = createFileOutboxSender(path.join(dataDir, 'outbox'));
  return {
    senderFor: () => Promise.resolve(outbox),
    close: () => Promise.resolve(),
  };
}

/**
 * Senders from each store's channel settings, built once and kept (an SMTP pool is reused by
 * every message) until the settings change. A store without settings uses the local outbox, so
 * nothing leaves the machine until someone configures a provider; for letters and postcards the
 * local outbox is the store's print files (one merged PDF per batch run or day).
 */
export function createSettingsResolver(deps: {
  settings: ChannelSettingsService;
  db: Kysely<Database>;
  clock: Clock;
  dataDir: string;
  publicUrl: string;
  /** Return-Path for e-mail (config FORECOURT_INBOUND_EMAIL). */
  returnPath?: string | null | undefined;
  /** How long a store's settings are trusted before they are read again (ms). */
  recheckMs?: number;
  now?: () => number;
}): SenderResolver {
  const outbox = createFileOutboxSender(path.join(deps.dataDir, 'outbox'));
  const notHere: ChannelSender = {
    provider: 'none',
    idempotent: true,
    send: (m) => Promise.resolve({ kind: 'permanent', error: `${m.channel} messages are sent by their own runner` }),
  };
  const printFiles = createPrintFileSender({ db: deps.db, clock: deps.clock });
  const shared = new Set<ChannelSender>([outbox, printFiles, notHere]);
  const cache = new Map<string, { version: number; sender: ChannelSender; checkedAt: number }>();
  const recheckMs = deps.recheckMs ?? 5000;
  const now = deps.now ?? Date.now;
  const base = deps.publicUrl.replace(/\/$/, '');

  async function build(
    row: Awaited<ReturnType<ChannelSettingsService['load']>>,
    storeId: number,
    channel: ChannelKind,
  ): Promise<{ version: number; sender: ChannelSender }> {
    if (!row || row.provider === 'outbox')
      return { version: row?.version ?? 0, sender: channel === 'print' ? printFiles : outbox };
    switch (row.provider) {
      case 'smtp': {
        const s = smtpSettings.parse(row.settings);
        const dkim =
          s.dkimDomain && s.dkimSelector && row.secrets.dkimPrivateKey
            ? { domainName: s.dkimDomain, keySelector: s.dkimSelector, privateKey: row.secrets.dkimPrivateKey }
            : null;
        return {
          version: row.version,
          sender: createSmtpSender({
            host: s.host,
            port: s.port,
            secure: s.secure,
            user: s.user,
            password: row.secrets.password ?? null,
            from: s.from,
            maxConnections: s.maxConnections,
            dkim,
            rejectUnauthorized: s.rejectUnauthorized,
            returnPath: deps.returnPath ?? null,
          }),
        };
      }
      case 'twilio':
        return {
          version: row.version,
          sender: createTwilioSender(twilioSettings.parse(row.settings), row.secrets.authToken ?? '', {
            statusCallback: `${base}/api/webhooks/twilio/${storeId}/status`,
          }),
        };
      case 'print_api':
        return {
          version: row.version,
          sender: createPrintApiSender(printApiSettings.parse(row.settings), row.secrets.apiKey ?? '', {
            context: async (m) => {
              const found = await messageStoreAndLanguage(deps.db, m.id);
              return found && printContextOf(found.store, found.language);
            },
            now: () => deps.clock.now(),
          }),
        };
      case 'voice_simulator':
      case 'voice_http':
        // Drops go out through the voice ports (delivery/voice/), one at a time per job, never here.
        return { version: row.version, sender: notHere };
    }
  }

  return {
    async senderFor(message) {
      const channel = settingsChannel(message.channel);
      const key = `${message.store_id}:${channel}`;
      const hit = cache.get(key);
      // A settings read per message would cost more than the send; a change shows within recheckMs.
      if (hit && now() - hit.checkedAt < recheckMs) return hit.sender;
      const row = await deps.settings.load(message.store_id, channel);
      const version = row?.version ?? 0;
      if (hit && hit.version === version) {
        hit.checkedAt = now();
        return hit.sender;
      }
      const built = await build(row, message.store_id, channel);
      cache.set(key, { ...built, checkedAt: now() });
      if (hit && !shared.has(hit.sender)) await hit.sender.close?.();
      return built.sender;
    },
    async close() {
      for (const { sender } of cache.values()) if (!shared.has(sender)) await sender.close?.();
      cache.clear();
    },
  };
}
