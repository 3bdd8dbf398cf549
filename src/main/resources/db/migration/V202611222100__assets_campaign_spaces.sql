-- Campaign spaces (seed 004): a campaign's assets for one ad platform, with its performance totals and the asset
-- count and size the asset work keeps right.
create table campaign_spaces (
    id                    uuid not null primary key,
    tenant_id             uuid not null references workspaces (id),
    campaign_id           uuid not null references campaigns (id) on delete cascade,
    name                  varchar(160) not null,
    description           varchar(4000),
    platform              varchar(32) not null,
    external_campaign_id  varchar(200),
    objective             varchar(1000),
    audience              varchar(1000),
    budget_amount         decimal(14, 2),
    budget_currency       varchar(3),
    import_source         varchar(32) not null,
    imported_at           timestamp with time zone,
    category              varchar(100),
    template              boolean not null,
    active                boolean not null,
    archived_at           timestamp with time zone,
    total_impressions     bigint not null,
    total_clicks          bigint not null,
    total_conversions     bigint not null,
    total_spend           decimal(16, 2) not null,
    performance_synced_at timestamp with time zone,
    asset_count           int not null,
    total_asset_size_bytes bigint not null,
    created_by            uuid not null references users (id),
    updated_by            uuid not null references users (id),
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint not null
);
create index campaign_spaces_tenant_updated_idx on campaign_spaces (tenant_id, updated_at);
create index campaign_spaces_campaign_idx on campaign_spaces (campaign_id, platform);

create table campaign_space_tags (
    space_id uuid not null references campaign_spaces (id) on delete cascade,
    tag      varchar(60) not null,
    primary key (space_id, tag)
);
create index campaign_space_tags_tag_idx on campaign_space_tags (tag, space_id);
