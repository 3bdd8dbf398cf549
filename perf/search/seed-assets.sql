-- Seeds :count assets into the workspace :'workspace' (uploaded by :'user'), for the asset search benchmark
-- (perf/search.sh). PostgreSQL only: generate_series and hashtext make a million rows in a few minutes, which the API
-- could not. The rows are what the library would hold: a mix of types, titles, descriptions and copy from a small
-- vocabulary (so words are found in many or few assets), two tags each, one use in a space of the workspace's
-- campaigns and for every tenth asset a reuse in another, 5 % archived. Files have no bytes: search never reads them.
\set ON_ERROR_STOP on

create temporary table bench_spaces as
select row_number() over (order by id) - 1 as n, id, campaign_id
from campaign_spaces where tenant_id = :'workspace';

create temporary table bench_words (kind text, n int, word text);
insert into bench_words
select 'adjective', ordinality - 1, word from unnest(array[
  'summer','winter','spring','autumn','holiday','premium','classic','urban','coastal','vintage',
  'bright','quiet','bold','fresh','golden','rustic','modern','cosy','wild','electric']) with ordinality as t(word)
union all
select 'noun', ordinality - 1, word from unnest(array[
  'sale','shoes','jacket','coffee','trail','festival','beach','kitchen','garden','bicycle',
  'lighthouse','market','concert','bakery','mountain','harbour','library','studio','picnic','kite',
  'lantern','orchard','museum','canyon','river','balloon','meadow','workshop','parade','island',
  'tea','camera','skate','forest','terrace','vineyard','theatre','gallery','stadium','canal']) with ordinality as t(word)
union all
select 'verb', ordinality - 1, word from unnest(array[
  'running','hiking','cooking','painting','sailing','dancing','reading','cycling','baking','swimming']) with ordinality as t(word);
create index on bench_words (kind, n);

create temporary table bench_tags as
select ordinality - 1 as n, tag from unnest(array[
  'bench','q1','q2','q3','q4','emea','na','apac','latam','b2b','b2c','evergreen','hero','social','print',
  'video-first','ugc','brand','promo','seasonal','launch','retarget','awareness','loyalty','partner',
  'influencer','story','carousel','banner','newsletter']) with ordinality as t(tag);

select count(*) as spaces from bench_spaces \gset
select :spaces > 0 as has_spaces \gset
\if :has_spaces
\else
  \echo 'the workspace has no campaign spaces'
  \quit
\endif

-- the assets, newest last; ids are UUIDs made from the number, so a second seed of the same volume collides loudly
insert into assets (id, tenant_id, content_id, campaign_id, space_id, name, asset_type, title, description, ad_copy,
    headline, cta_text, platform_metadata, platform_variants, import_source, archived_at, reused_count, impressions,
    clicks, conversions, spend, revenue, uploaded_by, updated_by, created_at, updated_at, version)
select md5(:'workspace' || '-asset-' || i)::uuid, :'workspace', null, s.campaign_id, s.id,
       a.word || '-' || n1.word || '-' || i || case t.type when 'IMAGE' then '.jpg' when 'VIDEO' then '.mp4'
           when 'DOCUMENT' then '.pdf' else '' end,
       t.type,
       initcap(a.word) || ' ' || n1.word || ' ' || n2.word,
       'A ' || a.word || ' ' || n2.word || ' for ' || v.word || ' near the ' || n3.word || ', shot in ' || (2020 + i % 7),
       case when t.type = 'AD_COPY' then 'Go ' || v.word || ' with our ' || a.word || ' ' || n1.word || ' this season.' end,
       case when t.type in ('HEADLINE', 'AD_COPY') then initcap(v.word) || ' meets ' || n3.word end,
       case when t.type = 'CALL_TO_ACTION' then 'Shop the ' || n1.word end,
       '{}', '{}', 'MANUAL_UPLOAD',
       case when i % 20 = 0 then timestamp with time zone '2026-01-01 00:00:00+00' + i * interval '1 second' end,
       case when i % 10 = 0 then 1 else 0 end, 0, 0, 0, 0, 0, :'user', :'user',
       timestamp with time zone '2025-01-01 00:00:00+00' + i * interval '1 second',
       timestamp with time zone '2025-01-01 00:00:00+00' + i * interval '1 second', 0
from generate_series(1, :count) as i
cross join lateral (select case when i % 20 < 10 then 'IMAGE' when i % 20 < 13 then 'VIDEO' when i % 20 < 14 then 'DOCUMENT'
    when i % 20 < 16 then 'HEADLINE' when i % 20 < 18 then 'AD_COPY' when i % 20 < 19 then 'DESCRIPTION'
    else 'CALL_TO_ACTION' end as type) t
join bench_spaces s on s.n = i % :spaces
join bench_words a on a.kind = 'adjective' and a.n = abs(hashtext(i || 'a')) % 20
join bench_words n1 on n1.kind = 'noun' and n1.n = abs(hashtext(i || 'b')) % 40
join bench_words n2 on n2.kind = 'noun' and n2.n = abs(hashtext(i || 'c')) % 40
join bench_words n3 on n3.kind = 'noun' and n3.n = abs(hashtext(i || 'd')) % 40
join bench_words v on v.kind = 'verb' and v.n = abs(hashtext(i || 'e')) % 10;

insert into asset_tags (asset_id, tag)
select md5(:'workspace' || '-asset-' || i)::uuid, g.tag
from generate_series(1, :count) as i
join bench_tags g on g.n = abs(hashtext(i || 't1')) % 30 or g.n = (abs(hashtext(i || 't1')) + 1 + abs(hashtext(i || 't2')) % 29) % 30;

insert into asset_uses (id, tenant_id, asset_id, campaign_id, space_id, kind, context, used_by, used_at, impressions,
    clicks, conversions, spend, revenue, version)
select md5(:'workspace' || '-use-' || i)::uuid, :'workspace', md5(:'workspace' || '-asset-' || i)::uuid, s.campaign_id,
       s.id, 'ORIGIN', null, :'user', timestamp with time zone '2025-01-01 00:00:00+00' + i * interval '1 second',
       0, 0, 0, 0, 0, 0
from generate_series(1, :count) as i
join bench_spaces s on s.n = i % :spaces;

insert into asset_uses (id, tenant_id, asset_id, campaign_id, space_id, kind, context, used_by, used_at, impressions,
    clicks, conversions, spend, revenue, version)
select md5(:'workspace' || '-reuse-' || i)::uuid, :'workspace', md5(:'workspace' || '-asset-' || i)::uuid, s.campaign_id,
       s.id, 'REUSE', 'benchmark reuse', :'user', timestamp with time zone '2025-06-01 00:00:00+00' + i * interval '1 second',
       0, 0, 0, 0, 0, 0
from generate_series(10, :count, 10) as i
join bench_spaces s on s.n = (i + 1 + i / 10 % (:spaces - 1)) % :spaces
where :spaces > 1;

-- the counters the library keeps, as an upload would have left them
update campaign_spaces c set asset_count = u.live
from (select u.space_id, count(*) filter (where a.archived_at is null) as live
      from asset_uses u join assets a on a.id = u.asset_id where u.tenant_id = :'workspace' group by u.space_id) u
where c.id = u.space_id;

analyze assets;
analyze asset_tags;
analyze asset_uses;
