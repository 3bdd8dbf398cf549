create table campaigns (
    id               uuid not null primary key,
    tenant_id        uuid not null references workspaces (id),
    name             varchar(160) not null,
    description      varchar(4000),
    type             varchar(32) not null,
    objective        varchar(1000),
    priority         varchar(16) not null,
    status           varchar(16) not null,
    start_date       date,
    end_date         date,
    budget_amount    decimal(14, 2),
    budget_currency  varchar(3),
    owner_id         uuid references users (id),
    forced_launch_by uuid references users (id),
    forced_launch_reason varchar(500),
    created_by       uuid not null references users (id),
    updated_by       uuid not null references users (id),
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    deleted_at       timestamp with time zone,
    version          bigint not null
);
create index campaigns_tenant_updated_idx on campaigns (tenant_id, updated_at);
create index campaigns_tenant_status_idx on campaigns (tenant_id, status);

create table campaign_channels (
    campaign_id uuid not null references campaigns (id) on delete cascade,
    channel     varchar(32) not null,
    primary key (campaign_id, channel)
);
create index campaign_channels_channel_idx on campaign_channels (channel, campaign_id);

create table campaign_tags (
    campaign_id uuid not null references campaigns (id) on delete cascade,
    tag         varchar(60) not null,
    primary key (campaign_id, tag)
);
create index campaign_tags_tag_idx on campaign_tags (tag, campaign_id);

-- The readable feed on a campaign page ("Dana launched the campaign")
create table campaign_activity (
    id          uuid not null primary key,
    tenant_id   uuid not null references workspaces (id),
    campaign_id uuid not null references campaigns (id) on delete cascade,
    actor_id    uuid,
    actor_name  varchar(120) not null,
    verb        varchar(40) not null,
    summary     varchar(1000) not null,
    occurred_at timestamp with time zone not null
);
create index campaign_activity_campaign_idx on campaign_activity (campaign_id, occurred_at);

-- Per-workspace campaign settings
create table campaign_settings (
    id                  uuid not null primary key,
    tenant_id           uuid not null references workspaces (id),
    readiness_threshold int not null,
    version             bigint not null,
    constraint campaign_settings_tenant_uk unique (tenant_id)
);
