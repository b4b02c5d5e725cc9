import type { Kysely } from 'kysely';
import { ZodError } from 'zod';
import type { ChannelKind, Database, ProviderName } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { openSecrets, sealSecrets } from '../shared/sealed-secrets.ts';
import {
  DEFAULT_PROVIDER,
  parseProviderSettings,
  PROVIDERS,
  SECRET_NAMES,
  smtpSettings,
  twilioSettings,
} from './channel-settings.ts';

export interface ChannelConfig {
  channel: ChannelKind;
  provider: ProviderName;
  settings: Record<string, unknown>;
  /** Which secrets are set; their values never leave the server. */
  secretsSet: string[];
  updatedAt: string | null;
}

export interface ChannelChange {
  provider: ProviderName;
  settings?: Record<string, unknown> | undefined;
  /** New values; a missing name keeps the stored one, an empty string clears it. */
  secrets?: Record<string, string> | undefined;
}

const CHANNELS: readonly ChannelKind[] = ['email', 'sms', 'print', 'voice'];

/** Provider settings per store: read (secrets as names only), validated saves, sealed secrets. */
export function createChannelSettingsService(deps: { db: Kysely<Database>; clock: Clock; secretsKey: Buffer }) {
  const { db, clock, secretsKey } = deps;

  async function list(storeId: number): Promise<ChannelConfig[]> {
    const rows = await db.selectFrom('store_channels').selectAll().where('store_id', '=', storeId).execute();
    return CHANNELS.map((channel) => {
      const row = rows.find((r) => r.channel === channel);
      if (!row) {
        const provider = DEFAULT_PROVIDER[channel];
        return { channel, provider, settings: parseProviderSettings(provider, {}), secretsSet: [], updatedAt: null };
      }
      const secrets = row.sealed_secrets ? openSecrets(row.sealed_secrets, secretsKey) : {};
      return {
        channel,
        provider: row.provider,
        settings: parseProviderSettings(row.provider, row.settings ?? {}),
        secretsSet: Object.keys(secrets).filter((k) => secrets[k]),
        updatedAt: row.updated_at.toISOString(),
      };
    });
  }

  return {
    list,

    async save(storeId: number, channel: ChannelKind, change: ChannelChange, userId: number): Promise<ChannelConfig> {
      if (!PROVIDERS[channel].includes(change.provider))
        throw new DomainError(
          'invalid_input',
          `${channel} can use: ${PROVIDERS[channel].join(', ')}; not ${change.provider}.`,
        );
      let settings: Record<string, unknown>;
      try {
        settings = parseProviderSettings(change.provider, change.settings ?? {});
      } catch (e) {
        if (e instanceof ZodError) {
          const problems = e.issues.map((i) => ({ field: i.path.join('.') || 'settings', message: i.message }));
          throw new DomainError(
            'invalid_input',
            `Check the ${change.provider} settings: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
            problems,
          );
        }
        throw e;
      }
      const allowed = SECRET_NAMES[change.provider];
      const unknown = Object.keys(change.secrets ?? {}).filter((k) => !allowed.includes(k));
      if (unknown.length > 0)
        throw new DomainError(
          'invalid_input',
          `${change.provider} takes the secrets ${allowed.join(', ') || '(none)'}; not ${unknown.join(', ')}.`,
        );
      const current = await db
        .selectFrom('store_channels')
        .selectAll()
        .where('store_id', '=', storeId)
        .where('channel', '=', channel)
        .executeTakeFirst();
      // Secrets carry over only while the provider stays the same.
      const kept =
        current?.sealed_secrets && current.provider === change.provider
          ? openSecrets(current.sealed_secrets, secretsKey)
          : {};
      const merged = Object.fromEntries(
        Object.entries({ ...kept, ...(change.secrets ?? {}) }).filter(([, v]) => v !== ''),
      );
      const sealed = Object.keys(merged).length > 0 ? sealSecrets(merged, secretsKey) : null;
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        await trx
          .insertInto('store_channels')
          .values({
            store_id: storeId,
            channel,
            provider: change.provider,
            settings: JSON.stringify(settings),
            sealed_secrets: sealed,
            updated_at: now,
            updated_by: userId,
          })
          .onConflict((oc) =>
            oc.columns(['store_id', 'channel']).doUpdateSet({
              provider: change.provider,
              settings: JSON.stringify(settings),
              sealed_secrets: sealed,
              updated_at: now,
              updated_by: userId,
            }),
          )
          .execute();
        await trx
          .insertInto('audit_log')
          .values({
            store_id: storeId,
            user_id: userId,
            action: 'channel.updated',
            subject_type: 'store',
            subject_id: storeId,
            // Which secrets changed, never their values.
            details: JSON.stringify({
              channel,
              provider: change.provider,
              secretsChanged: Object.keys(change.secrets ?? {}),
            }),
          })
          .execute();
      });
      const saved = (await list(storeId)).find((c) => c.channel === channel);
      if (!saved) throw new Error('channel settings vanished after saving');
      return saved;
    },

    /** Settings and opened secrets, for building a sender (never for the API). */
    async load(storeId: number, channel: ChannelKind) {
      const row = await db
        .selectFrom('store_channels')
        .selectAll()
        .where('store_id', '=', storeId)
        .where('channel', '=', channel)
        .executeTakeFirst();
      if (!row) return undefined;
      return {
        provider: row.provider,
        settings: row.settings ?? {},
        secrets: row.sealed_secrets ? openSecrets(row.sealed_secrets, secretsKey) : {},
        version: row.updated_at.getTime(),
      };
    },
  };
}

export type ChannelSettingsService = ReturnType<typeof createChannelSettingsService>;

/** Who a store may send as: approved From addresses and texting senders (no secrets involved). */
export async function storeSenderIdentities(
  db: Kysely<Database>,
  storeId: number,
): Promise<{ emailFrom: string[]; smsSenders: string[] }> {
  const rows = await db
    .selectFrom('store_channels')
    .select(['channel', 'provider', 'settings'])
    .where('store_id', '=', storeId)
    .execute();
  const emailFrom: string[] = [];
  const smsSenders: string[] = [];
  for (const r of rows) {
    if (r.channel === 'email' && r.provider === 'smtp') {
      const s = smtpSettings.safeParse(r.settings);
      if (s.success) emailFrom.push(...s.data.fromAddresses, addressOf(s.data.from));
    } else if (r.channel === 'sms' && r.provider === 'twilio') {
      const s = twilioSettings.safeParse(r.settings);
      if (s.success) smsSenders.push(...s.data.senders);
    }
  }
  return { emailFrom: [...new Set(emailFrom)], smsSenders };
}

/** The bare address of "Name <address>". */
function addressOf(from: string): string {
  return /<([^>]+)>/.exec(from)?.[1]?.trim() ?? from.trim();
}
