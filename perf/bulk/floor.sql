-- The floor of a bulk status change, in the same run as perf/bulk-bench.sh's bulk action and on the same rows (the
-- tasks of :'campaign'): what PostgreSQL itself takes to change their status
--   1. in one statement, update ... where id = any(...), one transaction: the least any bulk action could cost;
--   2. one row per transaction (a DO block that commits after each row), the shape BulkRunner had before chunks of
--      100 items a transaction, without the app, Hibernate, the checks, the audit or the outcome rows;
-- and puts each back to 'TODO' the same way (the undo's floor). Prints "floor <name> <rows> <seconds>" lines.
\set ON_ERROR_STOP on
\pset tuples_only on
\pset format unaligned
create temporary table floor_ids as select id from tasks where campaign_id = :'campaign' order by position;
create temporary table floor_times (name text, seconds double precision);

do $$
declare t0 timestamptz; ids uuid[] := array(select id from floor_ids);
begin
  t0 := clock_timestamp();
  update tasks set status = 'IN_PROGRESS', updated_at = now(), version = version + 1 where id = any(ids);
  insert into floor_times values ('one-statement', extract(epoch from clock_timestamp() - t0));
  t0 := clock_timestamp();
  update tasks set status = 'TODO', updated_at = now(), version = version + 1 where id = any(ids);
  insert into floor_times values ('one-statement-back', extract(epoch from clock_timestamp() - t0));
end $$;

-- a DO block may commit when psql runs it outside a transaction block (autocommit, the default)
do $$
declare t0 timestamptz; r record;
begin
  t0 := clock_timestamp();
  for r in select id from floor_ids loop
    update tasks set status = 'IN_PROGRESS', updated_at = now(), version = version + 1 where id = r.id;
    commit;
  end loop;
  insert into floor_times values ('row-per-transaction', extract(epoch from clock_timestamp() - t0));
  commit;
  t0 := clock_timestamp();
  for r in select id from floor_ids loop
    update tasks set status = 'TODO', updated_at = now(), version = version + 1 where id = r.id;
    commit;
  end loop;
  insert into floor_times values ('row-per-transaction-back', extract(epoch from clock_timestamp() - t0));
end $$;

select 'floor ' || name || ' ' || (select count(*) from floor_ids) || ' ' || round(seconds::numeric, 3) from floor_times;
