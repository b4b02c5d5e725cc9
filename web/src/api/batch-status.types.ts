/** Batch Contact Status and ROI, as GET /api/batch-schedules/:id/{contacts,status-series,roi} answer. */

/** 'held_out' for the control group, 'not_enqueued' when no message was queued, else the message's status. */
export const BATCH_CONTACT_STATUSES = [
  'held_out',
  'not_enqueued',
  'queued',
  'deferred',
  'sending',
  'sent',
  'delivered',
  'failed',
  'bounced',
  'complained',
  'skipped',
  'cancelled',
] as const;
export type BatchContactStatus = (typeof BATCH_CONTACT_STATUSES)[number];

export type StatusCounts = Partial<Record<BatchContactStatus, number>>;

export interface ReportRange {
  from: string;
  to: string;
  timeZone: string;
}

export interface BatchContactRow {
  id: number;
  customerId: number;
  customerNumber: string;
  customerName: string;
  status: BatchContactStatus;
  /** When the run took the customer (ISO instant). */
  date: string;
  branchName: string;
  /** The outbox message; null when held out or not enqueued. */
  contactId: number | null;
  runId: number;
}

export interface BatchContactsPage {
  range: ReportRange;
  rows: BatchContactRow[];
  total: number;
  page: number;
  pageSize: number;
  /** Every status in the range, before the include/exclude filter. */
  statuses: StatusCounts;
}

export interface StatusSeries {
  range: ReportRange;
  days: { date: string; counts: StatusCounts }[];
}

export interface RoiGroup {
  contacts: number;
  responded: number;
  responseRate: number | null;
  outcomes: number;
  /** Null for sales schedules: deals carry no amount. */
  revenue: number | null;
}

export interface BatchRoi {
  range: ReportRange;
  roiType: 'service' | 'sales';
  windowDays: number;
  contacted: RoiGroup & { sent: number; delivered: number; bounced: number; optedOut: number };
  control: RoiGroup;
  /** Contacted minus control response rate, in percentage points. */
  liftPoints: number | null;
}

/** The few schedule fields the status page shows in its heading. */
export interface ScheduleSummary {
  id: number;
  storeId: number;
  name: string;
  recurrence: 'daily' | 'once';
  channel: 'letter' | 'email' | 'sms' | 'voice';
  roiType: 'service' | 'sales';
  roiWindowDays: number;
}

export interface DayRangeInput {
  from: string;
  to: string;
}
