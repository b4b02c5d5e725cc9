import { DateTime } from 'luxon';
import type { SourceKind } from '../../db/schema.ts';

/** Which print file a letter or postcard goes into, and when the worker closes that file. */
export interface PrintGroup {
  /** 'run:<source_ref>' or 'day:YYYY-MM-DD'. */
  groupKey: string;
  /** The batch run, for a run's file. */
  sourceRef: string | null;
  /** A day's file closes at the end of the store's day; a run's file has no fixed time (null: once idle). */
  closeAfter: Date | null;
}

/**
 * A batch run's letters go in a file of their own, so the printer gets one file per run; every
 * other letter (manual, automation) goes in the store's file of the day it was sent, in the
 * store's time zone, which closes at the store's midnight.
 */
export function printGroup(
  message: { sourceKind: SourceKind; sourceRef: string | null },
  at: Date,
  timeZone: string,
): PrintGroup {
  if (message.sourceKind === 'batch' && message.sourceRef) {
    return { groupKey: `run:${message.sourceRef}`, sourceRef: message.sourceRef, closeAfter: null };
  }
  const local = DateTime.fromJSDate(at, { zone: timeZone });
  // An unknown zone would make an invalid DateTime; UTC is better than no file.
  const day = local.isValid ? local : DateTime.fromJSDate(at, { zone: 'utc' });
  return {
    groupKey: `day:${day.toISODate() ?? ''}`,
    sourceRef: null,
    closeAfter: day.startOf('day').plus({ days: 1 }).toJSDate(),
  };
}

/** The group's parts, for people: a run's reference or a day. */
export function describeGroup(groupKey: string): { kind: 'run' | 'day'; value: string } {
  return groupKey.startsWith('run:')
    ? { kind: 'run', value: groupKey.slice(4) }
    : { kind: 'day', value: groupKey.replace(/^day:/, '') };
}
