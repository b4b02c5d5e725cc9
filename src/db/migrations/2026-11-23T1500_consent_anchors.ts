import { sql, type Kysely } from 'kysely';

/**
 * The dates implied consent rests on (CASL: the latest purchase, the latest inquiry), kept on the
 * customer by statement-level triggers, so that deciding for a million customers reads one row
 * each instead of probing their deals, visits and activities.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    -- The deciding consent event per customer for one store, channel and purpose, read in order.
    create index consent_events_decide_idx on consent_events (store_id, channel, purpose, customer_id, occurred_at desc, granted);

    alter table customers
      add column last_purchase_on date,
      add column last_inquiry_on date;

    update customers c set last_purchase_on = p.d
    from (select customer_id, max(d) as d from (
            select customer_id, sold_on as d from deals
            union all select customer_id, visit_date from visits) x group by customer_id) p
    where c.id = p.customer_id;
    update customers c set last_inquiry_on = a.d
    from (select customer_id, max(activity_on) as d from sales_activities where kind = 'inquiry' group by customer_id) a
    where c.id = a.customer_id;

    create function forecourt_touch_last_purchase() returns trigger language plpgsql as $$
    begin
      update customers c set last_purchase_on = greatest(c.last_purchase_on, n.d)
      from (select customer_id, max(d) as d from (
              select customer_id, case when tg_table_name = 'deals' then (to_jsonb(r) ->> 'sold_on')::date
                                       else (to_jsonb(r) ->> 'visit_date')::date end as d
              from changed r) x group by customer_id) n
      where c.id = n.customer_id and c.last_purchase_on is distinct from greatest(c.last_purchase_on, n.d);
      return null;
    end $$;
    create trigger deals_touch_last_purchase_ins after insert on deals referencing new table as changed
      for each statement execute function forecourt_touch_last_purchase();
    create trigger deals_touch_last_purchase_upd after update on deals referencing new table as changed
      for each statement execute function forecourt_touch_last_purchase();
    create trigger visits_touch_last_purchase_ins after insert on visits referencing new table as changed
      for each statement execute function forecourt_touch_last_purchase();
    create trigger visits_touch_last_purchase_upd after update on visits referencing new table as changed
      for each statement execute function forecourt_touch_last_purchase();

    create function forecourt_touch_last_inquiry() returns trigger language plpgsql as $$
    begin
      update customers c set last_inquiry_on = greatest(c.last_inquiry_on, n.d)
      from (select customer_id, max(activity_on) as d from changed where kind = 'inquiry' group by customer_id) n
      where c.id = n.customer_id and c.last_inquiry_on is distinct from greatest(c.last_inquiry_on, n.d);
      return null;
    end $$;
    create trigger sales_activities_touch_last_inquiry after insert on sales_activities referencing new table as changed
      for each statement execute function forecourt_touch_last_inquiry();
  `.execute(db);
}
