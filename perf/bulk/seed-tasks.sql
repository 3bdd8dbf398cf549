-- Seeds :count tasks, all "to do", into the campaign :'campaign' of the workspace :'workspace' (created by :'user'), for
-- the bulk action benchmark (perf/bulk-bench.sh). PostgreSQL only: generate_series and md5 ids. The columns hold what
-- the app writes for a new task without a timeline (no dates from a plan, so every status change is allowed).
\set ON_ERROR_STOP on
insert into tasks (id, tenant_id, campaign_id, kind, title, description, status, priority, estimate_hours,
    duration_days, skills, checklist, attachments, position, critical, created_by, created_at, updated_at, version)
select md5(:'campaign' || '-task-' || i)::uuid, :'workspace', :'campaign', 'TASK', 'Bulk bench task ' || i,
       'A task for the bulk action benchmark', 'TODO', 'MEDIUM', 2, 1, '{}', '[]', '[]', i, false, :'user',
       now(), now(), 0
from generate_series(1, :count) as i;
analyze tasks;
