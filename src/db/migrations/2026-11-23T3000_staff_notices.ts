import { sql, type Kysely } from 'kysely';

/**
 * Messages to staff rather than customers (a campaign's distribution list told of a reply) go
 * through the outbox like everything else, as source 'notice' with no customer.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    do $$
    declare r record;
    begin
      for r in select conname from pg_constraint
        where conrelid = 'outbox_messages'::regclass and contype = 'c' and pg_get_constraintdef(oid) like '%source_kind%'
      loop
        execute format('alter table outbox_messages drop constraint %I', r.conname);
      end loop;
    end $$;
    alter table outbox_messages
      add constraint outbox_messages_source_kind_check
        check (source_kind in ('manual', 'batch', 'campaign', 'automation', 'voice_drop', 'test', 'notice')),
      add constraint outbox_messages_staff_check check ((customer_id is null) = (source_kind in ('test', 'notice')));
  `.execute(db);
}
