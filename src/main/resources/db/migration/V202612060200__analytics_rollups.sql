-- Rollups (analytics, issue 29): each campaign's numbers per channel, metric and currency, by day and by week (weeks
-- start on Monday), in the workspace's time zone. Dashboards read these, never the raw facts. A day's rollups are made
-- again from its facts whenever one of them changes, so a rollup is always the sum of its facts.
create table analytics_rollups (
    tenant_id    uuid not null references workspaces (id),
    campaign_id  uuid not null,
    granularity  varchar(5) not null,
    period_start date not null,
    channel      varchar(40) not null,
    metric       varchar(20) not null,
    currency     varchar(3) not null,
    rollup_value decimal(24, 4) not null,
    updated_at   timestamp with time zone not null,
    constraint analytics_rollups_key primary key (tenant_id, campaign_id, granularity, period_start, channel, metric,
                                                  currency),
    constraint analytics_rollups_granularity check (granularity in ('DAY', 'WEEK'))
);
-- the all-campaigns summary reads a workspace's periods across its campaigns
create index analytics_rollups_period on analytics_rollups (tenant_id, granularity, period_start);
-- Which campaigns' periods had facts written or removed since the rollups last looked: appended in the writer's
-- transaction (never updated, so two writers never meet on a row), read in order and deleted one by one once folded.
create table analytics_changes (
    id           bigint generated always as identity primary key,
    tenant_id    uuid not null,
    campaign_id  uuid not null,
    granularity  varchar(5) not null,
    period_start timestamp with time zone not null,
    changed_at   timestamp with time zone not null
);
-- a dashboard's "as of": the oldest change of its campaign not folded in yet
create index analytics_changes_campaign on analytics_changes (tenant_id, campaign_id, changed_at);
