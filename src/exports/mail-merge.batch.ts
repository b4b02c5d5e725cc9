import type { RawBuilder } from 'kysely';
import type { SelectionSpec } from '../campaigns/batch-selection.sql.ts';
import type { LoadedSchedule } from '../campaigns/batch-schedules.store.ts';
import { fallbackSpecFor, selectionSpecFor } from '../campaigns/batch-spec.ts';
import type { BatchChannel } from '../db/schema.ts';

/**
 * One channel of a batch's run as a selection: the batch's own, or Campaign Options' fallback.
 * `spec(ids)` is the selection limited to those customers of the audience (a page of the export);
 * `spec()` is the whole selection.
 */
export interface BatchLane {
  channel: BatchChannel;
  limit: number;
  spec: (customerIds?: number[]) => SelectionSpec;
}

/** The schedule's audience over `customers c` at `at` (the contact type's condition and/or its saved query). */
export interface BatchSelection {
  audience: RawBuilder<unknown>;
  main: BatchLane;
  /** Campaign Options: the customers the main channel cannot reach; null when the schedule has none. */
  fallback: Omit<BatchLane, 'limit'> | null;
}

/**
 * The selection a dry run of the schedule at `at` previews (runRef null), as batch-spec.ts builds
 * it for the run, with each lane limitable to a page of customers. Throws 'batch_invalid' when
 * the schedule could not run.
 */
export function batchSelection(l: LoadedSchedule, at: Date): BatchSelection {
  const base = selectionSpecFor(l, at, null);
  const main: BatchLane = {
    channel: base.channel,
    limit: base.limit,
    spec: (customerIds) => ({ ...base, customerIds }),
  };
  const channel = l.schedule.fallback_channel;
  if (!channel || !l.fallback) return { audience: base.audience, main, fallback: null };
  return {
    audience: base.audience,
    main,
    fallback: {
      channel,
      // Reasons of the main channel for the same customers only, so a page reads a page.
      spec: (customerIds) => fallbackSpecFor(l, base, customerIds) ?? { ...base, customerIds },
    },
  };
}
