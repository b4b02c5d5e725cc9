import type { Kysely } from 'kysely';
import { ZodError } from 'zod';
import type { Database, ExportKind, ExportTarget } from '../db/schema.ts';
import type { Clock } from '../shared/clock.ts';
import { DomainError } from '../shared/errors.ts';
import { openSecrets, sealSecrets } from '../shared/sealed-secrets.ts';
import {
  CONSENT_TEXT,
  EXPORT_KINDS,
  EXPORT_LABELS,
  portOf,
  targetProblems,
  targetSettingsSchema,
  type TargetSettings,
} from './export-targets.rules.ts';
import { checkUploadConfig } from './upload.ts';

/** A target as the API shows it: settings, whether a password is set (never the password), consent. */
export interface ExportTargetView {
  id: number | null;
  kind: ExportKind;
  label: string;
  enabled: boolean;
  settings: TargetSettings;
  passwordSet: boolean;
  runTime: string;
  allowPrivateHost: boolean;
  consentText: string;
  consent: { by: number | null; at: Date } | null;
  /** What must be filled in before it can be switched on. */
  problems: string[];
  updatedAt: Date | null;
}

export interface ExportTargetChange {
  enabled?: boolean | undefined;
  settings?: Partial<TargetSettings> | undefined;
  /** A new password; '' clears it; absent keeps it. */
  password?: string | undefined;
  runTime?: string | undefined;
  /** Administrators only: let this target reach a private or loopback address. */
  allowPrivateHost?: boolean | undefined;
  /** Switching on: the user confirms the sharing (CARFAX: agrees to its terms). Required then. */
  confirm?: boolean | undefined;
}

export interface ExportActor {
  userId: number;
  role: 'admin' | 'manager' | 'agent';
}

const parseSettings = (raw: unknown): TargetSettings => targetSettingsSchema.parse(raw ?? {});

/** Partner export targets per store: settings, a sealed password, consent when switched on (audited). */
export function createExportTargetsService(deps: {
  db: Kysely<Database>;
  clock: Clock;
  secretsKey: Buffer;
  /** After a save: the export cron re-reads the targets. */
  onChange?: () => void;
}) {
  const { db, clock, secretsKey } = deps;

  const passwordOf = (row: Pick<ExportTarget, 'sealed_secrets'> | undefined): string =>
    row?.sealed_secrets ? (openSecrets(row.sealed_secrets, secretsKey).password ?? '') : '';

  function view(kind: ExportKind, row: ExportTarget | undefined): ExportTargetView {
    const settings = parseSettings(row?.settings);
    const passwordSet = passwordOf(row) !== '';
    return {
      id: row?.id ?? null,
      kind,
      label: EXPORT_LABELS[kind],
      enabled: row?.enabled ?? false,
      settings,
      passwordSet,
      runTime: row?.run_time ?? '02:00',
      allowPrivateHost: row?.allow_private_host ?? false,
      consentText: CONSENT_TEXT[kind],
      consent: row?.consent_at ? { by: row.consent_by, at: row.consent_at } : null,
      problems: targetProblems(kind, settings, passwordSet),
      updatedAt: row?.updated_at ?? null,
    };
  }

  async function rowOf(storeId: number, kind: ExportKind): Promise<ExportTarget | undefined> {
    return db
      .selectFrom('export_targets')
      .selectAll()
      .where('store_id', '=', storeId)
      .where('kind', '=', kind)
      .executeTakeFirst();
  }

  return {
    async list(storeId: number): Promise<ExportTargetView[]> {
      const rows = await db.selectFrom('export_targets').selectAll().where('store_id', '=', storeId).execute();
      return EXPORT_KINDS.map((k) =>
        view(
          k,
          rows.find((r) => r.kind === k),
        ),
      );
    },

    async get(storeId: number, kind: ExportKind): Promise<ExportTargetView> {
      return view(kind, await rowOf(storeId, kind));
    },

    /**
     * Saves a target. Switching it on needs every connection field and `confirm: true`; the
     * confirmation (CARFAX: its terms) is stored with who gave it and when, and audited. Only an
     * administrator may allow a private or loopback host.
     */
    async save(
      storeId: number,
      kind: ExportKind,
      change: ExportTargetChange,
      actor: ExportActor,
    ): Promise<ExportTargetView> {
      const current = await rowOf(storeId, kind);
      let settings: TargetSettings;
      try {
        settings = parseSettings({ ...parseSettings(current?.settings), ...change.settings });
      } catch (e) {
        if (e instanceof ZodError)
          throw new DomainError(
            'export_invalid',
            e.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; '),
            { problems: e.issues.map((i) => ({ field: `settings.${i.path.join('.')}`, message: i.message })) },
          );
        throw e;
      }
      if (
        change.allowPrivateHost !== undefined &&
        change.allowPrivateHost !== (current?.allow_private_host ?? false) &&
        actor.role !== 'admin'
      )
        throw new DomainError(
          'forbidden',
          'Only an administrator may allow an export to a private or loopback address.',
        );
      const password = change.password !== undefined ? change.password : passwordOf(current);
      const enabled = change.enabled ?? current?.enabled ?? false;
      const switchingOn = enabled && !(current?.enabled ?? false);
      if (enabled) {
        // The partner's own wording first; the uploader's checks (port, folder) once those pass.
        const missing = targetProblems(kind, settings, password !== '');
        const unique =
          missing.length > 0 ? missing : checkUploadConfig({ ...settings, port: portOf(settings), password });
        if (unique.length > 0)
          throw new DomainError('export_invalid', `${EXPORT_LABELS[kind]} cannot be switched on: ${unique.join(' ')}`, {
            problems: unique.map((message) => ({ field: 'settings', message })),
          });
        if (switchingOn && change.confirm !== true)
          throw new DomainError(
            'export_confirmation_required',
            kind === 'carfax'
              ? 'Read and agree to the CARFAX terms of service to switch the export on.'
              : `Confirm that data will be sent to ${EXPORT_LABELS[kind]} at your request to switch the export on.`,
            { consentText: CONSENT_TEXT[kind] },
          );
      }
      const now = clock.now();
      const values = {
        enabled,
        settings: JSON.stringify(settings),
        sealed_secrets: password ? sealSecrets({ password }, secretsKey) : null,
        run_time: change.runTime ?? current?.run_time ?? '02:00',
        allow_private_host: change.allowPrivateHost ?? current?.allow_private_host ?? false,
        ...(switchingOn ? { consent_by: actor.userId, consent_at: now, consent_text: CONSENT_TEXT[kind] } : {}),
        updated_at: now,
        updated_by: actor.userId,
      };
      const row = await db.transaction().execute(async (trx) => {
        // An update when the row exists: the insert row of an upsert is checked before the conflict,
        // and without this change's consent it would break the "on only with consent" check.
        const saved = current
          ? await trx
              .updateTable('export_targets')
              .set(values)
              .where('id', '=', current.id)
              .returningAll()
              .executeTakeFirstOrThrow()
          : await trx
              .insertInto('export_targets')
              .values({ store_id: storeId, kind, ...values })
              .returningAll()
              .executeTakeFirstOrThrow();
        await trx
          .insertInto('audit_log')
          .values({
            store_id: storeId,
            user_id: actor.userId,
            action: switchingOn ? 'export.enabled' : 'export.updated',
            subject_type: 'export_target',
            subject_id: saved.id,
            // What changed, never the password.
            details: JSON.stringify({
              kind,
              enabled,
              changed: Object.keys(change).filter((k) => k !== 'confirm'),
              ...(switchingOn ? { consentText: CONSENT_TEXT[kind] } : {}),
            }),
            created_at: now,
          })
          .execute();
        return saved;
      });
      deps.onChange?.();
      return view(kind, row);
    },

    /** The target with its password, for a run (never for the API). */
    async load(
      targetId: number,
    ): Promise<{ row: ExportTarget; settings: TargetSettings; password: string } | undefined> {
      const row = await db.selectFrom('export_targets').selectAll().where('id', '=', targetId).executeTakeFirst();
      return row ? { row, settings: parseSettings(row.settings), password: passwordOf(row) } : undefined;
    },
  };
}

export type ExportTargetsService = ReturnType<typeof createExportTargetsService>;
