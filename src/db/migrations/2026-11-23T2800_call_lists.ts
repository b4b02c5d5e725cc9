import { sql, type Kysely } from 'kysely';

/**
 * The agents' call list ("Call Select"). A list is built once per store, list (a contact type or
 * a saved query) and store-local day, set-based, in the order agents work it (contacted longest
 * ago first); agents then take entries one at a time with a row lock and SKIP LOCKED, so two
 * agents never get the same customer and a take costs an index probe, not a selection. A take
 * holds the entry (and the customer, through customer_contact_state) until its lock runs out or a
 * result is logged. Results carry the recycle code, its productive flag, the note and the agent.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table call_lists (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      -- A contact type's key, or 'query:<id>'.
      list_key text not null,
      day date not null,
      purpose text not null check (purpose in ('marketing', 'service')),
      built_at timestamptz not null,
      size integer not null,
      unique (store_id, list_key, day)
    );

    create table call_list_entries (
      id bigint generated always as identity primary key,
      list_id bigint not null references call_lists(id) on delete cascade,
      store_id bigint not null references stores(id),
      customer_id bigint not null references customers(id),
      position integer not null,
      taken_by bigint references users(id),
      taken_at timestamptz,
      lock_until timestamptz,
      done_at timestamptz,
      -- 'logged', or why the entry left the list when its turn came ('skipped:<reason>').
      outcome text,
      unique (list_id, customer_id)
    );
    -- "Next customer": the first open entry of a list by position.
    create index call_list_entries_open_idx on call_list_entries (list_id, position) where done_at is null;
    -- The customer an agent holds on a list (given back to them on their next "next").
    create index call_list_entries_agent_idx on call_list_entries (taken_by, list_id) where done_at is null;

    create table call_results (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      customer_id bigint not null references customers(id),
      entry_id bigint unique references call_list_entries(id),
      agent_user_id bigint not null references users(id),
      recycle_code_id bigint not null references recycle_codes(id),
      recycle_code_key text not null,
      productive boolean not null,
      note text,
      phone text,
      appointment_id bigint references appointments(id),
      created_at timestamptz not null
    );
    create index call_results_customer_idx on call_results (customer_id, created_at desc);
    create index call_results_agent_idx on call_results (store_id, agent_user_id, created_at);

    -- An agent's confirmed "wrong number" makes the number invalid (reachability.rules.ts).
    alter table reachability_events drop constraint reachability_events_outcome_check,
      add constraint reachability_events_outcome_check
        check (outcome in ('delivered', 'impossible', 'busy', 'unavailable', 'bounce', 'complaint', 'verified', 'wrong_number'));
  `.execute(db);
}
