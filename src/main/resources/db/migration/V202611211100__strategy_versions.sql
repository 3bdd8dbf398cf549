-- A campaign's strategy, one row per saved version. Lists and the ads configuration are JSON, written and read
-- whole through Hibernate, never queried in SQL. The unique version number per campaign is what keeps concurrent
-- saves from producing the same version twice (the loser retries with the next number).
create table strategy_versions (
    id                  uuid not null primary key,
    tenant_id           uuid not null references workspaces (id),
    campaign_id         uuid not null references campaigns (id) on delete cascade,
    version             integer not null,
    status              varchar(16) not null,
    platforms           json not null,
    goals               json not null,
    target_audience     varchar(4000),
    content_pillars     json not null,
    brand_tone          varchar(2000),
    constraints_text    varchar(4000),
    cadence             varchar(2000),
    ads_config          json,
    created_by          uuid not null references users (id),
    created_at          timestamp with time zone not null,
    invalidated_at      timestamp with time zone,
    invalidated_by      uuid references users (id),
    invalidation_reason varchar(500),
    row_version         bigint not null,
    constraint strategy_versions_number_uq unique (tenant_id, campaign_id, version)
);
-- Finding a campaign's current version (readiness, the campaign page card).
create index strategy_versions_campaign_status_idx on strategy_versions (campaign_id, status);
