-- The asset library (issue 12). Three layers:
--   asset_contents: one row per distinct content (SHA-256) in a workspace, with what the derived-data job measures
--                   (dimensions, duration, pages, thumbnails, perceptual hash); the blob is stored once for it.
--   assets:         what a person sees in the library: a file (pointing at a content) or a piece of copy, with its
--                   metadata, usage rights and performance totals across every use.
--   asset_uses:     where an asset is used (a campaign, optionally one of its spaces): the upload itself and every
--                   reuse, with who, when and in what context, and the performance of that use.
create table asset_contents (
    id                uuid not null primary key,
    tenant_id         uuid not null references workspaces (id),
    sha256            varchar(64) not null,
    blob_key          varchar(200) not null,
    size_bytes        bigint not null,
    mime_type         varchar(200) not null,
    derived_status    varchar(16) not null,
    derived_error     varchar(1000),
    derived_at        timestamp with time zone,
    width             int,
    height            int,
    duration_ms       bigint,
    codec             varchar(60),
    frame_rate        decimal(8, 3),
    page_count        int,
    perceptual_hash   bigint,
    thumb_small_key   varchar(200),
    thumb_large_key   varchar(200),
    thumb_mime_type   varchar(100),
    poster_key        varchar(200),
    created_at        timestamp with time zone not null,
    version           bigint not null,
    constraint asset_contents_tenant_sha256_key unique (tenant_id, sha256)
);
create index asset_contents_tenant_hash_idx on asset_contents (tenant_id, perceptual_hash);

create table assets (
    id                 uuid not null primary key,
    tenant_id          uuid not null references workspaces (id),
    content_id         uuid references asset_contents (id),
    campaign_id        uuid references campaigns (id) on delete set null,
    space_id           uuid references campaign_spaces (id) on delete set null,
    name               varchar(255) not null,
    asset_type         varchar(32) not null,
    external_asset_id  varchar(200),
    title              varchar(300),
    description        varchar(4000),
    ad_copy            varchar(10000),
    headline           varchar(300),
    cta_text           varchar(120),
    platform_metadata  json,
    platform_variants  json,
    import_source      varchar(32) not null,
    licence            varchar(200),
    rights_holder      varchar(200),
    credit             varchar(300),
    rights_expire_on   date,
    archived_at        timestamp with time zone,
    reused_count       int not null,
    last_reused_at     timestamp with time zone,
    impressions        bigint not null,
    clicks             bigint not null,
    conversions        bigint not null,
    spend              decimal(16, 2) not null,
    revenue            decimal(16, 2) not null,
    click_through_rate decimal(12, 8),
    uploaded_by        uuid not null references users (id),
    updated_by         uuid not null references users (id),
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint not null
);
create index assets_tenant_created_idx on assets (tenant_id, created_at);
create index assets_tenant_content_idx on assets (tenant_id, content_id);
create index assets_tenant_rights_idx on assets (tenant_id, rights_expire_on);
create index assets_space_idx on assets (space_id);
create index assets_tenant_external_idx on assets (tenant_id, external_asset_id);

create table asset_tags (
    asset_id uuid not null references assets (id) on delete cascade,
    tag      varchar(60) not null,
    primary key (asset_id, tag)
);
create index asset_tags_tag_idx on asset_tags (tag, asset_id);

-- The channels an asset's licence allows; none listed means every channel.
create table asset_allowed_channels (
    asset_id uuid not null references assets (id) on delete cascade,
    channel  varchar(32) not null,
    primary key (asset_id, channel)
);

create table asset_uses (
    id                    uuid not null primary key,
    tenant_id             uuid not null references workspaces (id),
    asset_id              uuid not null references assets (id) on delete cascade,
    campaign_id           uuid references campaigns (id) on delete cascade,
    space_id              uuid references campaign_spaces (id) on delete cascade,
    kind                  varchar(16) not null,
    context               varchar(1000),
    used_by               uuid not null references users (id),
    used_at               timestamp with time zone not null,
    impressions           bigint not null,
    clicks                bigint not null,
    conversions           bigint not null,
    spend                 decimal(16, 2) not null,
    revenue               decimal(16, 2) not null,
    performance_synced_at timestamp with time zone,
    version               bigint not null
);
create index asset_uses_asset_idx on asset_uses (asset_id, used_at);
create index asset_uses_campaign_idx on asset_uses (tenant_id, campaign_id);
create index asset_uses_space_idx on asset_uses (space_id);

-- Image pairs whose perceptual hashes are close (content_a < content_b), kept up to a cap so that the workspace's
-- threshold can move without recomputing; a person's "not a duplicate" is kept on the pair for good.
create table asset_similar_pairs (
    id            uuid not null primary key,
    tenant_id     uuid not null references workspaces (id),
    content_a     uuid not null references asset_contents (id) on delete cascade,
    content_b     uuid not null references asset_contents (id) on delete cascade,
    distance      int not null,
    dismissed_by  uuid references users (id),
    dismissed_at  timestamp with time zone,
    version       bigint not null,
    constraint asset_similar_pairs_pair_key unique (content_a, content_b)
);
create index asset_similar_pairs_tenant_idx on asset_similar_pairs (tenant_id, distance);
create index asset_similar_pairs_b_idx on asset_similar_pairs (content_b);

create table asset_settings (
    id                   uuid not null primary key,
    tenant_id            uuid not null references workspaces (id),
    max_upload_bytes     bigint not null,
    similarity_threshold int not null,
    version              bigint not null,
    constraint asset_settings_tenant_uk unique (tenant_id)
);
