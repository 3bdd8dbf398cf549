-- Issue 50, the ad-platform sync as a job: an import from a platform keeps the days it reads, so a job that starts
-- again (after a crash, or put back by the sweeper) reads the same ones; the recurring sync starts imports in no
-- one's name (created_by null: the system). Campaign spaces gain the seed's brand and revenue totals.
alter table asset_imports add column range_from date;
alter table asset_imports add column range_to date;
alter table asset_imports add column updated_at timestamp with time zone;
alter table asset_imports alter column created_by drop not null;
create index asset_imports_space_status_idx on asset_imports (space_id, status);

alter table campaign_spaces add column brand varchar(200);
alter table campaign_spaces add column total_revenue decimal(16, 2) not null default 0;
create index campaign_spaces_tenant_brand_idx on campaign_spaces (tenant_id, brand);
