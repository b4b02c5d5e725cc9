import type { Migration } from 'kysely';
import * as foundation from './2026-11-23T1200_foundation.ts';
import * as contactability from './2026-11-23T1300_contactability.ts';
import * as reachability from './2026-11-23T1400_reachability.ts';
import * as consentAnchors from './2026-11-23T1500_consent_anchors.ts';
import * as templates from './2026-11-23T1600_templates.ts';
import * as outbox from './2026-11-23T1700_outbox.ts';
import * as storeChannels from './2026-11-23T1800_store_channels.ts';
import * as printFiles from './2026-11-23T1900_print_files.ts';
import * as savedQueries from './2026-11-23T2000_saved_queries.ts';
import * as contactTypes from './2026-11-23T2100_contact_types.ts';
import * as batches from './2026-11-23T2200_batches.ts';
import * as campaignOptions from './2026-11-23T2300_campaign_options.ts';
import * as voiceSetup from './2026-11-23T2400_voice_setup.ts';
import * as voiceJobs from './2026-11-23T2500_voice_jobs.ts';
import * as lifecycle from './2026-11-23T2600_lifecycle.ts';
import * as exportsMigration from './2026-11-23T2700_exports.ts';
import * as callLists from './2026-11-23T2800_call_lists.ts';
import * as textInbox from './2026-11-23T2900_text_inbox.ts';
import * as staffNotices from './2026-11-23T3000_staff_notices.ts';

/**
 * Every migration, in order. Forward-only: a released migration is never edited; a change is
 * a new entry. Listed statically so they load the same under tsx, a bundle or tests.
 */
export const migrations: Record<string, Migration> = {
  '2026-11-23T1200_foundation': foundation,
  '2026-11-23T1300_contactability': contactability,
  '2026-11-23T1400_reachability': reachability,
  '2026-11-23T1500_consent_anchors': consentAnchors,
  '2026-11-23T1600_templates': templates,
  '2026-11-23T1700_outbox': outbox,
  '2026-11-23T1800_store_channels': storeChannels,
  '2026-11-23T1900_print_files': printFiles,
  '2026-11-23T2000_saved_queries': savedQueries,
  '2026-11-23T2100_contact_types': contactTypes,
  '2026-11-23T2200_batches': batches,
  '2026-11-23T2300_campaign_options': campaignOptions,
  '2026-11-23T2400_voice_setup': voiceSetup,
  '2026-11-23T2500_voice_jobs': voiceJobs,
  '2026-11-23T2600_lifecycle': lifecycle,
  '2026-11-23T2700_exports': exportsMigration,
  '2026-11-23T2800_call_lists': callLists,
  '2026-11-23T2900_text_inbox': textInbox,
  '2026-11-23T3000_staff_notices': staffNotices,
};
