-- Publishing (issue 15): connected accounts, social posts with one row per channel, and the sandbox network's record

-- A connected account: where posts go. Tokens are encrypted with the installation's master key (SecretCipher).
create table channel_accounts (
    id                       uuid         not null primary key,
    tenant_id                uuid         not null,
    network                  varchar(32)  not null,
    channel                  varchar(32)  not null,
    display_name             varchar(200) not null,
    handle                   varchar(200),
    external_id              varchar(200),
    time_zone                varchar(64)  not null,
    access_token             text,
    refresh_token            text,
    token_expires_at         timestamp with time zone,
    scopes                   varchar(1000),
    health                   varchar(16)  not null,
    health_reason            varchar(1000),
    health_checked_at        timestamp with time zone,
    settings                 jsonb        not null,
    connected_by             uuid,
    connected_at             timestamp with time zone not null,
    updated_at               timestamp with time zone not null,
    deleted_at               timestamp with time zone,
    version                  bigint       not null
);
create index channel_accounts_tenant_idx on channel_accounts (tenant_id, deleted_at);

-- A post: what a person scheduled, to one channel or several
create table social_posts (
    id                 uuid         not null primary key,
    tenant_id          uuid         not null,
    campaign_id        uuid         not null,
    creative_id        uuid,
    repurposed_item_id uuid,
    title              varchar(200) not null,
    created_by         uuid,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint       not null
);
create index social_posts_campaign_idx on social_posts (tenant_id, campaign_id, created_at);

-- A post on one channel: its own text, time, state and attempts
create table channel_posts (
    id                 uuid          not null primary key,
    tenant_id          uuid          not null,
    post_id            uuid          not null references social_posts (id),
    campaign_id        uuid          not null,
    account_id         uuid          not null references channel_accounts (id),
    channel            varchar(32)   not null,
    text               text          not null,
    first_comment      text,
    media_asset_ids    jsonb         not null,
    scheduled_at       timestamp with time zone not null,
    planned_by         varchar(16)   not null,
    status             varchar(16)   not null,
    attempt            int           not null,
    attempt_key        varchar(100),
    attempt_started_at timestamp with time zone,
    retry_count        int           not null,
    max_retries        int           not null,
    next_attempt_at    timestamp with time zone,
    external_id        varchar(200),
    external_url       varchar(1000),
    comment_id         varchar(200),
    published_at       timestamp with time zone,
    error_code         varchar(64),
    error_message      varchar(2000),
    blockers           jsonb         not null,
    blocked_since      timestamp with time zone,
    log                jsonb         not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint        not null
);
create index channel_posts_post_idx on channel_posts (post_id);
create index channel_posts_calendar_idx on channel_posts (tenant_id, scheduled_at);
create index channel_posts_campaign_idx on channel_posts (tenant_id, campaign_id, channel, scheduled_at);
create index channel_posts_status_idx on channel_posts (tenant_id, status, scheduled_at);

-- The sandbox network: what would have been posted, once per idempotency key
create table sandbox_posts (
    id              uuid          not null primary key,
    tenant_id       uuid          not null,
    account_id      uuid          not null,
    idempotency_key varchar(100)  not null,
    text            text          not null,
    first_comment   text,
    media           jsonb         not null,
    posted_at       timestamp with time zone not null,
    constraint sandbox_posts_key unique (tenant_id, account_id, idempotency_key)
);
