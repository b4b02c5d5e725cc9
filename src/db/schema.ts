import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/** Columns the database fills in on insert. */
type Auto<T> = ColumnType<T, T | undefined, T>;
type Id = Generated<number>;
/** 'YYYY-MM-DD' calendar dates (parsed as strings on both drivers). */
export type DateString = string;

export type Role = 'admin' | 'manager' | 'agent';
export type CustomerType = 'retail' | 'fleet';
export type DayPreference = 'day' | 'late_day';
export type ContactMethod = 'mail' | 'home_phone' | 'work_phone' | 'cell_phone' | 'email';
export type Department = 'service' | 'body_shop' | 'parts' | 'sales' | 'other';
export type AppointmentStatus = 'scheduled' | 'completed' | 'no_show' | 'cancelled';
export type ContactOffReason = 'user' | 'body_shop';
export type SaleType = 'new' | 'used' | 'lease';

export interface OrganisationsTable {
  id: Id;
  name: string;
  created_at: Auto<Date>;
}

export interface StoresTable {
  id: Id;
  organisation_id: number;
  code: string;
  name: string;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: Auto<string>;
  phone: string | null;
  email: string | null;
  owner_name: string | null;
  time_zone: Auto<string>;
  feedback_url: string | null;
  body_shop_auto_off: Auto<boolean>;
  send_window_start: Auto<string>;
  send_window_end: Auto<string>;
  email_bounce_limit: Auto<number>;
  voice_impossible_block_days: Auto<number>;
  voice_impossible_forever_at: Auto<number>;
  home_busy_forever_at: Auto<number>;
  campaign_impossible_block_days: Auto<number>;
  campaign_impossible_forever_after: Auto<number>;
  email_red_days: Auto<number>;
  created_at: Auto<Date>;
}

export interface UsersTable {
  id: Id;
  organisation_id: number;
  email: string;
  name: string;
  password_hash: string;
  role: Role;
  active: Auto<boolean>;
  created_at: Auto<Date>;
  last_login_at: Date | null;
}

export interface UserStoresTable {
  user_id: number;
  store_id: number;
}

export interface SessionsTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Auto<Date>;
  expires_at: Date;
  last_seen_at: Auto<Date>;
}

export interface SalespeopleTable {
  id: Id;
  store_id: number;
  name: string;
  active: Auto<boolean>;
}

export interface CustomersTable {
  id: Id;
  store_id: number;
  dms_customer_number: string;
  customer_type: Auto<CustomerType>;
  is_prospect: Auto<boolean>;
  prospect_entered_by: string | null;
  name: string | null;
  first_name: string | null;
  last_name: string | null;
  other_name: string | null;
  contact_name: string | null;
  mailing_name: string | null;
  address_to: string | null;
  date_of_birth: DateString | null;
  address_line1: string | null;
  address_line2: string | null;
  city: string | null;
  region: string | null;
  postal_code: string | null;
  country: string | null;
  home_phone: string | null;
  work_phone: string | null;
  cell_phone: string | null;
  email: string | null;
  language: string | null;
  day_preference: DayPreference | null;
  likely_to_buy: number | null;
  star_rating: number | null;
  last_verified_at: Date | null;
  preferred_contact_method: ContactMethod | null;
  inquired: Auto<boolean>;
  eservice_user: Auto<boolean>;
  mail_on: Auto<boolean>;
  home_phone_on: Auto<boolean>;
  work_phone_on: Auto<boolean>;
  cell_phone_on: Auto<boolean>;
  email_on: Auto<boolean>;
  do_not_mail: Auto<boolean>;
  casl_opt_out: Auto<boolean>;
  /** Kept by triggers on deals and visits: the latest purchase, which renews implied consent. */
  last_purchase_on: Auto<DateString | null>;
  /** Kept by a trigger on sales activities of kind 'inquiry'. */
  last_inquiry_on: Auto<DateString | null>;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
}

export interface ConsentEventsTable {
  id: Id;
  store_id: number;
  customer_id: number;
  channel: 'email' | 'sms' | 'voice' | 'call' | 'letter' | 'fax';
  purpose: 'marketing' | 'service';
  granted: boolean;
  basis: 'express' | 'implied_purchase' | 'implied_inquiry' | null;
  source: 'user' | 'unsubscribe' | 'import' | 'inbound_stop' | 'inbound_start' | 'web_form' | 'api';
  actor_user_id: number | null;
  wording: string | null;
  occurred_at: Date;
  recorded_at: Auto<Date>;
}

export interface ReachabilityEventsTable {
  id: Id;
  store_id: number;
  address: string;
  line: 'cell_phone' | 'home_phone' | 'work_phone' | 'email';
  outcome: 'delivered' | 'impossible' | 'busy' | 'unavailable' | 'bounce' | 'complaint' | 'verified' | 'wrong_number';
  source: 'voice_batch' | 'voice_campaign' | 'email' | 'sms' | 'call' | 'user';
  detail: string | null;
  occurred_at: Date;
  recorded_at: Auto<Date>;
}

export interface ReachabilityStateTable {
  store_id: number;
  address: string;
  blocked_forever: boolean;
  blocked_until: Date | null;
  invalid: boolean;
  red_until: Date | null;
  updated_at: Auto<Date>;
}

export interface VehiclesTable {
  id: Id;
  store_id: number;
  customer_id: number;
  vin: string;
  year: number | null;
  make: string | null;
  model: string | null;
  sub_model: string | null;
  engine: string | null;
  plate: string | null;
  plate_region: string | null;
  odometer: number | null;
  contact_off: Auto<boolean>;
  contact_off_reason: ContactOffReason | null;
  contact_off_at: Date | null;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
}

export interface VisitsTable {
  id: Id;
  store_id: number;
  customer_id: number;
  vehicle_id: number | null;
  ro_number: string;
  visit_date: DateString;
  department: Department;
  odometer: number | null;
  labour_total: Auto<number>;
  parts_total: Auto<number>;
  description: string | null;
  deferred_items: Auto<string[]>;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
}

export interface AppointmentsTable {
  id: Id;
  store_id: number;
  customer_id: number;
  vehicle_id: number | null;
  dms_appointment_number: string;
  scheduled_at: Date;
  status: Auto<AppointmentStatus>;
  notes: string | null;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
}

export interface DealsTable {
  id: Id;
  store_id: number;
  customer_id: number;
  vehicle_id: number | null;
  deal_number: string;
  sold_on: DateString;
  salesperson_id: number | null;
  sale_type: SaleType | null;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
}

export interface SalespersonAssignmentsTable {
  id: Id;
  store_id: number;
  customer_id: number;
  salesperson_id: number;
  assigned_on: DateString;
  created_at: Auto<Date>;
}

export interface SalesActivitiesTable {
  id: Id;
  store_id: number;
  customer_id: number;
  salesperson_id: number;
  activity_on: DateString;
  kind: Auto<string>;
  notes: string | null;
  created_at: Auto<Date>;
}

export interface AuditLogTable {
  id: Id;
  store_id: number | null;
  user_id: number | null;
  action: string;
  subject_type: string;
  subject_id: number | null;
  details: Auto<unknown>;
  created_at: Auto<Date>;
}

export type TemplateChannel = 'email' | 'sms' | 'voice' | 'letter' | 'postcard';

export interface TemplatesTable {
  id: Id;
  store_id: number;
  channel: TemplateChannel;
  /** A contact type key ('maintenance', 'no_show', 'reminder_1', …). */
  contact_type: string;
  language: 'en' | 'fr';
  purpose: 'marketing' | 'service';
  name: string;
  active: Auto<boolean>;
  /** Set on templates copied from Forecourt's defaults ('reminder_1:en'), so they are copied once. */
  default_key: string | null;
  current_version: Auto<number>;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
}

/** Append-only: a version is what a send points at. */
export interface TemplateVersionsTable {
  id: Id;
  template_id: number;
  version: number;
  subject: string | null;
  body: string;
  created_by: number | null;
  created_at: Auto<Date>;
}

export type OutboxStatus =
  | 'queued'
  | 'deferred'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'failed'
  | 'bounced'
  | 'complained'
  | 'skipped'
  | 'cancelled';
export type SourceKind = 'manual' | 'batch' | 'campaign' | 'automation' | 'voice_drop' | 'test' | 'notice';

export interface OutboxMessagesTable {
  id: Id;
  store_id: number;
  /** Null only for a test send (source 'test') to a staff address. */
  customer_id: number | null;
  /** Unique per store: source + customer + channel + step (delivery/delivery-key.rules.ts). */
  delivery_key: string;
  source_kind: SourceKind;
  source_ref: string | null;
  step: Auto<string>;
  channel: TemplateChannel;
  purpose: 'marketing' | 'service';
  contact_type: string | null;
  template_version_id: number | null;
  /** Who sent it; null for machine sends ("Automation", "Voice Drop"). */
  user_id: number | null;
  target: string | null;
  sender: string | null;
  cc: Auto<string[]>;
  bcc: Auto<string[]>;
  subject: string | null;
  body_html: string | null;
  body_text: string | null;
  /** What a voice drop plays: 'recording:<id>'. */
  media_ref: Auto<string | null>;
  reply_to: Auto<string | null>;
  status: OutboxStatus;
  /** A stable code: an eligibility reason for skipped, an error class for failed. */
  status_reason: string | null;
  status_detail: string | null;
  attempts: Auto<number>;
  /** When a worker may next take it: queued/deferred rows when due; sending rows when the lease runs out. */
  due_at: Date;
  lease_owner: string | null;
  provider: string | null;
  provider_message_id: string | null;
  created_at: Auto<Date>;
  sent_at: Date | null;
  finished_at: Date | null;
  updated_at: Auto<Date>;
}

export interface OutboxEventsTable {
  id: Id;
  message_id: number;
  store_id: number;
  status: string;
  detail: string | null;
  occurred_at: Date;
}

export type ChannelKind = 'email' | 'sms' | 'print' | 'voice';
export type ProviderName = 'outbox' | 'smtp' | 'twilio' | 'print_api' | 'voice_simulator' | 'voice_http';

export interface StoreChannelsTable {
  store_id: number;
  channel: ChannelKind;
  provider: ProviderName;
  /** Non-secret settings, shaped by the provider (channels/channel-settings.ts). */
  settings: unknown;
  /** Sealed JSON of the provider's secrets; never returned by the API. */
  sealed_secrets: string | null;
  updated_at: Auto<Date>;
  updated_by: number | null;
}

export interface WebhookReceiptsTable {
  /** SHA-256 of the provider, signature and body of an accepted request. */
  digest: string;
  received_at: Date;
}

export type InboundKeyword = 'stop' | 'start' | 'help' | 'message';

export interface InboundMessagesTable {
  id: Id;
  store_id: number;
  /** The customer whose number or address sent it, when there is exactly one. */
  customer_id: number | null;
  channel: 'sms' | 'email';
  from_address: string;
  to_address: string;
  body: string;
  keyword: InboundKeyword;
  provider: string;
  provider_message_id: string | null;
  received_at: Date;
}

export type PrintChannel = 'letter' | 'postcard';
/** open: takes items; closing: its PDF is being rendered; ready: to download and print; printed: mailed. */
export type PrintFileStatus = 'open' | 'closing' | 'ready' | 'printed';

export interface PrintFilesTable {
  id: Id;
  store_id: number;
  channel: PrintChannel;
  /** 'run:<source_ref>' for a batch run's letters, 'day:YYYY-MM-DD' (store-local) for the rest. */
  group_key: string;
  source_ref: string | null;
  status: PrintFileStatus;
  item_count: Auto<number>;
  pages: number | null;
  bytes: number | null;
  /** The merged PDF, relative to the data folder; set once ready. */
  file_path: string | null;
  created_at: Date;
  last_item_at: Date;
  /** When the worker closes it (a day's file: the end of the store's day); null: once idle. */
  close_after: Date | null;
  closed_at: Date | null;
  printed_at: Date | null;
  printed_by: number | null;
}

export interface PrintFileItemsTable {
  id: Id;
  print_file_id: number;
  message_id: number;
  added_at: Date;
}

/** A saved query ("Fetch"); `filter` is a validated FilterGroup (src/segments/filter.types.ts). */
export interface SavedQueriesTable {
  id: Id;
  store_id: number;
  name: string;
  description: string | null;
  /** Written as JSON text, read back parsed. */
  filter: ColumnType<unknown, string, string>;
  archived: Auto<boolean>;
  created_by: number | null;
  updated_by: number | null;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
}

/** A kind of outreach (maintenance, confirm, …); batches prevent and report by it. */
export interface ContactTypesTable {
  id: Id;
  store_id: number;
  key: string;
  name: string;
  active: Auto<boolean>;
  created_at: Auto<Date>;
}

/** A contact result after which a customer is eligible again in `days` ("Recycle Setup"). */
export interface RecycleCodesTable {
  id: Id;
  store_id: number;
  key: string;
  name: string;
  days: number;
  active: Auto<boolean>;
  productive: Auto<boolean>;
  created_at: Auto<Date>;
}

export type BatchChannel = 'letter' | 'email' | 'sms' | 'voice';

/** A batch schedule (Batch Contacts) or a one-off campaign from a saved query. */
export interface BatchSchedulesTable {
  id: Id;
  store_id: number;
  name: string;
  recurrence: Auto<'daily' | 'once'>;
  channel: BatchChannel;
  kind: 'contact_type' | 'fetch';
  contact_type_id: number | null;
  saved_query_id: number | null;
  recycle_code_id: number | null;
  /** Null only for voice drops, which play a recording instead. */
  template_id: number | null;
  recording_id: Auto<number | null>;
  caller_id_id: Auto<number | null>;
  /** The purpose of a batch without a template (voice drops); otherwise the template's. */
  purpose: Auto<'marketing' | 'service'>;
  language: Auto<'any' | 'en' | 'fr'>;
  prevention: Auto<'none' | 'contact_type' | 'customer'>;
  day_part: Auto<'all' | 'day' | 'late_day'>;
  customer_type: Auto<'all' | 'non_fleet'>;
  daily_limit: number;
  days_between: Auto<number>;
  /** ISO weekdays, 1 = Monday. */
  run_days: Auto<number[]>;
  /** 'HH:MM' in the store's time zone. */
  run_time: Auto<string>;
  once_at: Date | null;
  sender: string | null;
  distribution_user_ids: Auto<number[]>;
  roi_type: Auto<'service' | 'sales'>;
  roi_window_days: Auto<number>;
  holdout_percent: Auto<number>;
  active: Auto<boolean>;
  /** Campaign Options: the channel and template for customers the main channel cannot reach. */
  fallback_channel: Auto<BatchChannel | null>;
  fallback_template_id: Auto<number | null>;
  created_by: number | null;
  updated_by: number | null;
  created_at: Auto<Date>;
  updated_at: Auto<Date>;
}

export type BatchRunStatus = 'running' | 'done' | 'failed';

/** One run of a schedule on one store-local day. */
export interface BatchRunsTable {
  id: Id;
  store_id: number;
  schedule_id: number;
  /** 'YYYY-MM-DD' in the store's zone. */
  run_date: string;
  status: BatchRunStatus;
  as_of: Date;
  lease_owner: string | null;
  lease_until: Date | null;
  matched: number | null;
  selected: number | null;
  held_out: number | null;
  enqueued: number | null;
  /** Customers the run's audience held back, by reason. Written as JSON text. */
  excluded: ColumnType<Record<string, number>, string | undefined, string>;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
}

/** A customer a run took: sent to (message_id) or held out as the control group. */
export interface BatchContactsTable {
  id: Id;
  run_id: number;
  schedule_id: number;
  store_id: number;
  customer_id: number;
  contact_type: string | null;
  channel: BatchChannel;
  holdout: Auto<boolean>;
  message_id: number | null;
  contacted_at: Date;
}

/** What every selection needs to know per customer: last contact, recycle period, reservation. */
export interface CustomerContactStateTable {
  customer_id: number;
  store_id: number;
  last_contacted_at: Date | null;
  recycle_code: string | null;
  recycle_until: Date | null;
  reserved_by: string | null;
  reserved_until: Date | null;
}

/** A voice-drop recording (WAV or MP3), checked on upload. */
export interface VoiceRecordingsTable {
  id: Id;
  store_id: number;
  name: string;
  format: 'wav' | 'mp3';
  duration_ms: number;
  size_bytes: number;
  sha256: string;
  content: Buffer;
  active: Auto<boolean>;
  created_by: number | null;
  created_at: Auto<Date>;
}

/** A number voice drops show as the caller (E.164). */
export interface VoiceCallerIdsTable {
  id: Id;
  store_id: number;
  number: string;
  label: string;
  active: Auto<boolean>;
  created_by: number | null;
  created_at: Auto<Date>;
}

/** One voice-drop job's port: its lease and timings (first drop sent, last result received). */
export interface VoiceJobsTable {
  id: Id;
  store_id: number;
  source_ref: string;
  lease_owner: string | null;
  lease_until: Date | null;
  first_drop_at: Date | null;
  last_result_at: Date | null;
  created_at: Date;
}

/** A store's 360° Customer Contact set-up (lifecycle automations). */
export interface LifecycleSettingsTable {
  store_id: number;
  email_on: Auto<boolean>;
  postcards_on: Auto<boolean>;
  /** 'HH:MM', 24 h, store-local. */
  run_time: Auto<string>;
  reminder_1_days: Auto<number>;
  reminder_2_days: Auto<number>;
  no_show_days: Auto<number>;
  thank_you_days: Auto<number>;
  deferred_days: Auto<number>;
  inactive_days: Auto<number>;
  inactive_interval_days: Auto<number>;
  dead_days: Auto<number>;
  marketing_steps: Auto<string[]>;
  updated_at: Auto<Date>;
  updated_by: number | null;
}

export type LifecycleRunStatus = 'running' | 'done' | 'failed';

/** One store's lifecycle run for one store-local day. */
export interface LifecycleRunsTable {
  id: Id;
  store_id: number;
  /** 'YYYY-MM-DD' in the store's zone. */
  run_date: string;
  window_from: string;
  status: LifecycleRunStatus;
  as_of: Date;
  lease_owner: string | null;
  lease_until: Date | null;
  due: number | null;
  enqueued: number | null;
  skipped: number | null;
  by_step: ColumnType<Record<string, Record<string, number>>, string | undefined, string>;
  error: string | null;
  started_at: Date;
  finished_at: Date | null;
}

export type ExportKind = 'customerlink' | 'mechanicnet' | 'carfax';
export type ExportRunStatus = 'running' | 'uploaded' | 'retrying' | 'failed' | 'written';

/** A store's partner export: connection settings, sealed password, nightly time, consent. */
export interface ExportTargetsTable {
  id: Id;
  store_id: number;
  kind: ExportKind;
  enabled: Auto<boolean>;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  sealed_secrets: string | null;
  run_time: Auto<string>;
  allow_private_host: Auto<boolean>;
  consent_by: number | null;
  consent_at: Date | null;
  consent_text: string | null;
  updated_at: Auto<Date>;
  updated_by: number | null;
}

/** One export: its file (kept for retry), rows, bytes, destination and result. */
export interface ExportRunsTable {
  id: Id;
  store_id: number;
  target_id: number;
  kind: ExportKind;
  trigger: 'schedule' | 'manual' | 'cli';
  status: ExportRunStatus;
  file_name: string | null;
  file_path: string | null;
  row_count: number | null;
  bytes: ColumnType<number | null, number | null | undefined, number | null>;
  destination: string | null;
  attempts: Auto<number>;
  next_attempt_at: Date | null;
  error_code: string | null;
  error: string | null;
  created_by: number | null;
  started_at: Date;
  finished_at: Date | null;
}

/** An agents' call list for one store, list and store-local day. */
export interface CallListsTable {
  id: Id;
  store_id: number;
  list_key: string;
  day: string;
  purpose: 'marketing' | 'service';
  built_at: Date;
  size: number;
}

/** One customer on a call list, taken by at most one agent at a time. */
export interface CallListEntriesTable {
  id: Id;
  list_id: number;
  store_id: number;
  customer_id: number;
  position: number;
  taken_by: number | null;
  taken_at: Date | null;
  lock_until: Date | null;
  done_at: Date | null;
  outcome: string | null;
}

/** What an agent logged after a call. */
export interface CallResultsTable {
  id: Id;
  store_id: number;
  customer_id: number;
  entry_id: number | null;
  agent_user_id: number;
  recycle_code_id: number;
  recycle_code_key: string;
  productive: boolean;
  note: string | null;
  phone: string | null;
  appointment_id: number | null;
  created_at: Date;
}

/** A store's text conversation with one customer: who handles it and how far it is read. */
export interface TextThreadsTable {
  store_id: number;
  customer_id: number;
  assigned_to: number | null;
  read_up_to: Auto<number>;
  updated_at: Auto<Date>;
}

export interface Database {
  organisations: OrganisationsTable;
  stores: StoresTable;
  users: UsersTable;
  user_stores: UserStoresTable;
  sessions: SessionsTable;
  salespeople: SalespeopleTable;
  customers: CustomersTable;
  consent_events: ConsentEventsTable;
  reachability_events: ReachabilityEventsTable;
  reachability_state: ReachabilityStateTable;
  vehicles: VehiclesTable;
  visits: VisitsTable;
  appointments: AppointmentsTable;
  deals: DealsTable;
  salesperson_assignments: SalespersonAssignmentsTable;
  sales_activities: SalesActivitiesTable;
  audit_log: AuditLogTable;
  templates: TemplatesTable;
  template_versions: TemplateVersionsTable;
  outbox_messages: OutboxMessagesTable;
  outbox_events: OutboxEventsTable;
  store_channels: StoreChannelsTable;
  webhook_receipts: WebhookReceiptsTable;
  inbound_messages: InboundMessagesTable;
  print_files: PrintFilesTable;
  print_file_items: PrintFileItemsTable;
  saved_queries: SavedQueriesTable;
  contact_types: ContactTypesTable;
  recycle_codes: RecycleCodesTable;
  batch_schedules: BatchSchedulesTable;
  batch_runs: BatchRunsTable;
  batch_contacts: BatchContactsTable;
  customer_contact_state: CustomerContactStateTable;
  voice_recordings: VoiceRecordingsTable;
  voice_caller_ids: VoiceCallerIdsTable;
  voice_jobs: VoiceJobsTable;
  lifecycle_settings: LifecycleSettingsTable;
  lifecycle_runs: LifecycleRunsTable;
  export_targets: ExportTargetsTable;
  export_runs: ExportRunsTable;
  call_lists: CallListsTable;
  call_list_entries: CallListEntriesTable;
  call_results: CallResultsTable;
  text_threads: TextThreadsTable;
}

export type Store = Selectable<StoresTable>;
export type User = Selectable<UsersTable>;
export type Customer = Selectable<CustomersTable>;
export type NewCustomer = Insertable<CustomersTable>;
export type CustomerUpdate = Updateable<CustomersTable>;
export type Vehicle = Selectable<VehiclesTable>;
export type Visit = Selectable<VisitsTable>;
export type Appointment = Selectable<AppointmentsTable>;
export type Deal = Selectable<DealsTable>;
export type Template = Selectable<TemplatesTable>;
export type TemplateVersion = Selectable<TemplateVersionsTable>;
export type OutboxMessage = Selectable<OutboxMessagesTable>;
export type PrintFile = Selectable<PrintFilesTable>;
export type SavedQuery = Selectable<SavedQueriesTable>;
export type ContactType = Selectable<ContactTypesTable>;
export type RecycleCode = Selectable<RecycleCodesTable>;
export type BatchSchedule = Selectable<BatchSchedulesTable>;
export type BatchRun = Selectable<BatchRunsTable>;
export type VoiceRecording = Selectable<VoiceRecordingsTable>;
export type VoiceCallerId = Selectable<VoiceCallerIdsTable>;
export type LifecycleSettingsRow = Selectable<LifecycleSettingsTable>;
export type LifecycleRun = Selectable<LifecycleRunsTable>;
export type ExportTarget = Selectable<ExportTargetsTable>;
export type ExportRun = Selectable<ExportRunsTable>;
export type CallList = Selectable<CallListsTable>;
export type CallListEntry = Selectable<CallListEntriesTable>;
export type CallResult = Selectable<CallResultsTable>;
