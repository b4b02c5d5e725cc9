import { sql, type Kysely } from 'kysely';

/**
 * Organisations, stores, users and sessions; the dealership's own data as the DMS knows it:
 * customers, vehicles, visits (repair orders), appointments, deals, salespeople, assignments
 * and sales activities. Every store-owned table carries store_id.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table organisations (
      id bigint generated always as identity primary key,
      name text not null,
      created_at timestamptz not null default now()
    );

    create table stores (
      id bigint generated always as identity primary key,
      organisation_id bigint not null references organisations(id),
      code text not null unique check (code ~ '^[A-Za-z0-9_-]{1,32}$'),
      name text not null,
      address_line1 text, address_line2 text, city text, region text, postal_code text,
      country char(2) not null default 'CA' check (country ~ '^[A-Z]{2}$'),
      phone text, email text, owner_name text,
      time_zone text not null default 'America/Toronto',
      feedback_url text,
      body_shop_auto_off boolean not null default false,
      created_at timestamptz not null default now()
    );

    create table users (
      id bigint generated always as identity primary key,
      organisation_id bigint not null references organisations(id),
      email text not null,
      name text not null,
      password_hash text not null,
      role text not null check (role in ('admin', 'manager', 'agent')),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      last_login_at timestamptz
    );
    create unique index users_email_key on users (lower(email));

    create table user_stores (
      user_id bigint not null references users(id) on delete cascade,
      store_id bigint not null references stores(id) on delete cascade,
      primary key (user_id, store_id)
    );

    create table sessions (
      id text primary key,            -- sha256 of the cookie value; the value itself is never stored
      user_id bigint not null references users(id) on delete cascade,
      csrf_token text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null,
      last_seen_at timestamptz not null default now()
    );
    create index sessions_user_idx on sessions (user_id);

    create table salespeople (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      name text not null,
      active boolean not null default true,
      unique (store_id, name)
    );

    create table customers (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      dms_customer_number text not null,
      customer_type text not null default 'retail' check (customer_type in ('retail', 'fleet')),
      is_prospect boolean not null default false,
      prospect_entered_by text,
      name text,
      first_name text, last_name text,
      other_name text, contact_name text, mailing_name text, address_to text,
      date_of_birth date,
      address_line1 text, address_line2 text, city text, region text, postal_code text, country char(2),
      home_phone text, work_phone text, cell_phone text,   -- E.164
      email text,
      language text check (language ~ '^[a-z]{2,3}$'),     -- null means none chosen
      day_preference text check (day_preference in ('day', 'late_day')),
      likely_to_buy smallint check (likely_to_buy between 1 and 3),
      star_rating smallint check (star_rating between 0 and 10),
      last_verified_at timestamptz,
      preferred_contact_method text
        check (preferred_contact_method in ('mail', 'home_phone', 'work_phone', 'cell_phone', 'email')),
      inquired boolean not null default false,
      eservice_user boolean not null default false,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (store_id, dms_customer_number)
    );
    create index customers_store_name_idx on customers (store_id, lower(last_name), lower(first_name));
    create index customers_store_email_idx on customers (store_id, lower(email));
    create index customers_store_cell_idx on customers (store_id, cell_phone);
    create index customers_store_home_idx on customers (store_id, home_phone);
    create index customers_store_work_idx on customers (store_id, work_phone);

    create table vehicles (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      customer_id bigint not null references customers(id),
      vin text not null,
      year smallint check (year between 1900 and 2100),
      make text, model text, sub_model text, engine text,
      plate text, plate_region text,
      odometer integer check (odometer >= 0),
      contact_off boolean not null default false,
      contact_off_reason text check (contact_off_reason in ('user', 'body_shop')),
      contact_off_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (store_id, vin),
      check (contact_off = (contact_off_reason is not null))
    );
    create index vehicles_customer_idx on vehicles (customer_id);
    create index vehicles_store_plate_idx on vehicles (store_id, upper(plate));

    create table visits (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      customer_id bigint not null references customers(id),
      vehicle_id bigint references vehicles(id),
      ro_number text not null,
      visit_date date not null,
      department text not null check (department in ('service', 'body_shop', 'parts', 'sales', 'other')),
      odometer integer check (odometer >= 0),
      labour_total numeric(12, 2) not null default 0,
      parts_total numeric(12, 2) not null default 0,
      description text,
      deferred_items text[] not null default '{}',
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (store_id, ro_number)
    );
    create index visits_customer_idx on visits (customer_id, visit_date desc);
    create index visits_vehicle_idx on visits (vehicle_id, visit_date desc);

    create table appointments (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      customer_id bigint not null references customers(id),
      vehicle_id bigint references vehicles(id),
      dms_appointment_number text not null,
      scheduled_at timestamptz not null,
      status text not null default 'scheduled' check (status in ('scheduled', 'completed', 'no_show', 'cancelled')),
      notes text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (store_id, dms_appointment_number)
    );
    create index appointments_customer_idx on appointments (customer_id, scheduled_at desc);
    create index appointments_store_time_idx on appointments (store_id, scheduled_at);

    create table deals (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      customer_id bigint not null references customers(id),
      vehicle_id bigint references vehicles(id),
      deal_number text not null,
      sold_on date not null,
      salesperson_id bigint references salespeople(id),
      sale_type text check (sale_type in ('new', 'used', 'lease')),
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (store_id, deal_number)
    );
    create index deals_customer_idx on deals (customer_id, sold_on desc);

    create table salesperson_assignments (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      customer_id bigint not null references customers(id),
      salesperson_id bigint not null references salespeople(id),
      assigned_on date not null,
      created_at timestamptz not null default now()
    );
    create index salesperson_assignments_customer_idx on salesperson_assignments (customer_id, assigned_on desc);

    create table sales_activities (
      id bigint generated always as identity primary key,
      store_id bigint not null references stores(id),
      customer_id bigint not null references customers(id),
      salesperson_id bigint not null references salespeople(id),
      activity_on date not null,
      kind text not null default 'note',
      notes text,
      created_at timestamptz not null default now()
    );
    create index sales_activities_customer_idx on sales_activities (customer_id, activity_on desc);

    create table audit_log (
      id bigint generated always as identity primary key,
      store_id bigint references stores(id),
      user_id bigint references users(id),
      action text not null,
      subject_type text not null,
      subject_id bigint,
      details jsonb not null default '{}',
      created_at timestamptz not null default now()
    );
    create index audit_log_subject_idx on audit_log (subject_type, subject_id);
  `.execute(db);
}
