/**
 * Mirrors of the 360° Customer Contact API's shapes (src/lifecycle/lifecycle.schemas.ts).
 * /api/openapi.json is the reference when they disagree.
 */

export const LIFECYCLE_STEPS = ['reminder_1', 'reminder_2', 'no_show', 'thank_you', 'deferred', 'inactive'] as const;
export type LifecycleStep = (typeof LIFECYCLE_STEPS)[number];

export type LifecycleChannel = 'email' | 'postcard';

/** Day counts; 0 switches a step off (Inactive Interval 0: only one; Dead 0: never stop). */
export interface LifecycleIntervals {
  reminder1Days: number;
  reminder2Days: number;
  noShowDays: number;
  thankYouDays: number;
  deferredDays: number;
  inactiveDays: number;
  inactiveIntervalDays: number;
  deadDays: number;
}

/** The store's contact card: every message is signed with it. */
export interface LifecycleSignature {
  businessName: string | null;
  businessOwner: string | null;
  businessPhone: string | null;
  /** Replies to the e-mails go here. */
  businessEmail: string | null;
  /** https://… or mailto:name@domain.com */
  feedbackUrl: string | null;
}

/** GET /api/stores/:storeId/lifecycle. */
export interface LifecycleSetup {
  storeId: number;
  emailOn: boolean;
  postcardsOn: boolean;
  /** HH:MM, store-local. */
  runTime: string;
  intervals: LifecycleIntervals;
  /** Steps sent as marketing (consent required); the others are service messages. */
  marketingSteps: LifecycleStep[];
  updatedAt: string | null;
  signature: LifecycleSignature;
  /** Days after the last invoice on which inactive messages go out (the first few). */
  inactiveSendDays: { days: number[]; more: boolean };
  /** Steps that are on without an active template for a channel that is on: they are skipped. */
  missingTemplates: { step: LifecycleStep; channel: LifecycleChannel; language: 'en' | 'fr'; message: string }[];
}

/** PATCH /api/stores/:storeId/lifecycle: any of these. */
export interface LifecycleSetupChange {
  emailOn?: boolean;
  postcardsOn?: boolean;
  runTime?: string;
  intervals?: Partial<LifecycleIntervals>;
  marketingSteps?: LifecycleStep[];
  signature?: Partial<LifecycleSignature>;
}

export interface LifecycleStepCounts {
  due: number;
  email: number;
  postcard: number;
  skipped: number;
  alreadySent: number;
  /** Skipped messages by reason code (one message can count under several). */
  reasons: Record<string, number>;
}

export interface LifecycleDecision {
  customerId: number;
  customerName: string;
  step: LifecycleStep;
  dueDate: string;
  channel: LifecycleChannel | null;
  outcome: 'send' | 'skip' | 'already_sent';
  reasons: string[];
  /** The reasons in words. */
  detail: string;
}

export type LifecycleRunOutcome = 'done' | 'already_done' | 'running_elsewhere' | 'dry_run' | 'off';

/** POST …/lifecycle/preview (outcome dry_run) and …/lifecycle/run. */
export interface LifecycleRunReport {
  storeId: number;
  runId: number | null;
  outcome: LifecycleRunOutcome;
  runDate: string;
  windowFrom: string;
  asOf: string;
  due: number;
  enqueued: number;
  skipped: number;
  alreadySent: number;
  byStep: Partial<Record<LifecycleStep, LifecycleStepCounts>>;
  /** A preview's decisions (at most 500; decisionsTotal counts them all); empty for a real run. */
  decisions: LifecycleDecision[];
  decisionsTotal?: number;
}

export interface LifecycleStatisticsRow {
  day: string;
  step: LifecycleStep;
  channel: LifecycleChannel;
  total: number;
  byStatus: Record<string, number>;
}

export interface LifecycleRun {
  id: number;
  runDate: string;
  windowFrom: string;
  status: string;
  due: number | null;
  enqueued: number | null;
  skipped: number | null;
  error: string | null;
  startedAt: string;
  finishedAt: string | null;
}

/** GET …/lifecycle/statistics?from&to. */
export interface LifecycleStatistics {
  from: string;
  to: string;
  rows: LifecycleStatisticsRow[];
  runs: LifecycleRun[];
}

export interface LifecycleMessage {
  id: number;
  customerId: number;
  customerName: string;
  step: string;
  channel: string;
  purpose: string;
  status: string;
  reason: string | null;
  detail: string | null;
  target: string | null;
  subject: string | null;
  createdAt: string;
  finishedAt: string | null;
}

/** GET …/lifecycle/messages?day&step. */
export interface LifecycleMessages {
  day: string;
  messages: LifecycleMessage[];
}
