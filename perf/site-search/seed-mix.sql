-- Seeds campaigns, tasks and email contacts into the workspace :'workspace' (created by :'user') for the site search
-- benchmark (perf/site-search.sh), beside the assets perf/search/seed-assets.sql seeds. Run in the SAME psql session,
-- after seed-assets.sql: it reuses that file's temporary vocabulary tables (bench_words, bench_tags), so that one
-- word is found across kinds (a "lighthouse" asset, campaign, task and contact). :campaigns, :tasks, :contacts are the
-- counts. PostgreSQL only (generate_series, hashtext, md5 ids: a second seed of the same volume collides loudly).
-- Only what the search index reads matters (each entity's searchDocument()); the other columns hold what the app
-- would write for a new item.
\set ON_ERROR_STOP on

-- campaigns: a title from the vocabulary, words in the description and objective, a status, a tag and a channel each,
-- start dates spread over 2025-2027 (so the date facet has past and upcoming), 2 % deleted (not found, not counted)
insert into campaigns (id, tenant_id, name, description, type, objective, priority, status, start_date, end_date,
    owner_id, created_by, updated_by, created_at, updated_at, deleted_at, version)
select md5(:'workspace' || '-campaign-' || i)::uuid, :'workspace',
       initcap(a.word) || ' ' || n1.word || ' campaign ' || i,
       'A ' || a.word || ' campaign about the ' || n2.word || ' for people who like ' || v.word,
       (array['PRODUCT_LAUNCH','BRAND_AWARENESS','LEAD_GENERATION','EVENT'])[1 + i % 4],
       'More ' || n2.word || ' sign-ups', (array['LOW','MEDIUM','HIGH','URGENT'])[1 + i % 4],
       (array['DRAFT','PLANNING','READY','ACTIVE','PAUSED','COMPLETED'])[1 + i % 6],
       date '2025-01-01' + (i % 1000), date '2025-01-01' + (i % 1000) + 30,
       :'user', :'user', :'user',
       timestamp with time zone '2025-01-01 00:00:00+00' + i * interval '1 second',
       timestamp with time zone '2025-01-01 00:00:00+00' + i * interval '1 second',
       case when i % 50 = 0 then now() end, 0
from generate_series(1, :campaigns) as i
join bench_words a on a.kind = 'adjective' and a.n = abs(hashtext(i || 'ca')) % 20
join bench_words n1 on n1.kind = 'noun' and n1.n = abs(hashtext(i || 'cb')) % 40
join bench_words n2 on n2.kind = 'noun' and n2.n = abs(hashtext(i || 'cc')) % 40
join bench_words v on v.kind = 'verb' and v.n = abs(hashtext(i || 'ce')) % 10;

insert into campaign_tags (campaign_id, tag)
select md5(:'workspace' || '-campaign-' || i)::uuid, g.tag
from generate_series(1, :campaigns) as i join bench_tags g on g.n = abs(hashtext(i || 'ct')) % 30;

insert into campaign_channels (campaign_id, channel)
select md5(:'workspace' || '-campaign-' || i)::uuid,
       (array['EMAIL','FACEBOOK','INSTAGRAM','LINKEDIN'])[1 + i % 4]
from generate_series(1, :campaigns) as i;

-- tasks: spread over the seeded campaigns, each status, due dates over 2025-2027, 2 % deleted
insert into tasks (id, tenant_id, campaign_id, kind, title, description, status, priority, estimate_hours,
    duration_days, due_date, assignee_id, skills, checklist, attachments, position, critical, created_by, created_at,
    updated_at, deleted_at, version)
select md5(:'workspace' || '-task-' || i)::uuid, :'workspace',
       md5(:'workspace' || '-campaign-' || (1 + i % :campaigns))::uuid, 'TASK',
       initcap(v.word) || ' the ' || a.word || ' ' || n1.word || ' ' || i,
       'Prepare the ' || n2.word || ' brief and check the ' || n3.word || ' copy',
       (array['TODO','IN_PROGRESS','BLOCKED','IN_REVIEW','DONE','CANCELLED'])[1 + i % 6], 'MEDIUM', 2, 1,
       date '2025-01-01' + (i % 1000), case when i % 3 = 0 then :'user'::uuid end, '{}', '[]', '[]', i, false,
       :'user',
       timestamp with time zone '2025-01-01 00:00:00+00' + i * interval '1 second',
       timestamp with time zone '2025-01-01 00:00:00+00' + i * interval '1 second',
       case when i % 50 = 0 then now() end, 0
from generate_series(1, :tasks) as i
join bench_words a on a.kind = 'adjective' and a.n = abs(hashtext(i || 'ta')) % 20
join bench_words n1 on n1.kind = 'noun' and n1.n = abs(hashtext(i || 'tb')) % 40
join bench_words n2 on n2.kind = 'noun' and n2.n = abs(hashtext(i || 'tc')) % 40
join bench_words n3 on n3.kind = 'noun' and n3.n = abs(hashtext(i || 'td')) % 40
join bench_words v on v.kind = 'verb' and v.n = abs(hashtext(i || 'te')) % 10;

-- email contacts: a name from the vocabulary (a surname-like noun), an address, a status
insert into email_contacts (id, tenant_id, email, email_key, name, attributes, status, status_changed_at, created_at,
    updated_at, version)
select md5(:'workspace' || '-contact-' || i)::uuid, :'workspace',
       a.word || '.' || n1.word || i || '@example.com', a.word || '.' || n1.word || i || '@example.com',
       initcap(a.word) || ' ' || initcap(n1.word), '{}',
       (array['SUBSCRIBED','SUBSCRIBED','SUBSCRIBED','UNSUBSCRIBED','BOUNCED'])[1 + i % 5],
       timestamp with time zone '2025-01-01 00:00:00+00' + i * interval '1 second',
       timestamp with time zone '2025-01-01 00:00:00+00' + i * interval '1 second',
       timestamp with time zone '2025-01-01 00:00:00+00' + i * interval '1 second', 0
from generate_series(1, :contacts) as i
join bench_words a on a.kind = 'adjective' and a.n = abs(hashtext(i || 'pa')) % 20
join bench_words n1 on n1.kind = 'noun' and n1.n = abs(hashtext(i || 'pb')) % 40;

analyze campaigns;
analyze tasks;
analyze email_contacts;
