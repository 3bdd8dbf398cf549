-- The content module (issue 13): brands, the brand a campaign writes in, and creatives with their components'
-- version history.
--   brands:             a workspace's brands (voice, words to use and avoid, colours, fonts, hashtags, legal footer);
--                       lists are tables, as everywhere (H2 has no arrays)
--   campaign_brands:    the brand a campaign picked (content owns the choice, so campaigns need not know brands)
--   creatives:          a campaign's piece of content, the strategy version it was made from and, when that version was
--                       superseded, the one it is stale against
--   creative_components: caption, hashtags, script, headline, CTA, image, video of a creative; points at its current
--                       version (its text or asset copied beside it, so lists never read the history); locked and
--                       edited components are never overwritten by a regeneration
--   component_versions: every text or asset a component has had, with who or which model wrote it
create table brands (
    id             uuid not null primary key,
    tenant_id      uuid not null references workspaces (id),
    name           varchar(120) not null,
    voice          varchar(2000),
    legal_footer   varchar(1000),
    heading_font   varchar(80),
    body_font      varchar(80),
    is_default     boolean not null,
    archived_at    timestamp with time zone,
    created_by     uuid not null,
    created_at     timestamp with time zone not null,
    updated_by     uuid not null,
    updated_at     timestamp with time zone not null,
    version        bigint not null
);
create index brands_tenant_idx on brands (tenant_id, name);

-- kind: USE (words to use), AVOID (words to avoid), HASHTAG (default hashtags), COLOUR (#rrggbb), LOGO (asset id)
create table brand_terms (
    brand_id  uuid not null references brands (id) on delete cascade,
    kind      varchar(16) not null,
    position  int not null,
    term      varchar(200) not null,
    primary key (brand_id, kind, position)
);

create table campaign_brands (
    id           uuid not null primary key,
    campaign_id  uuid not null unique references campaigns (id) on delete cascade,
    tenant_id    uuid not null references workspaces (id),
    brand_id     uuid not null references brands (id),
    chosen_by    uuid not null,
    chosen_at    timestamp with time zone not null,
    version      bigint not null
);
create index campaign_brands_brand_idx on campaign_brands (brand_id);

create table creatives (
    id                        uuid not null primary key,
    tenant_id                 uuid not null references workspaces (id),
    campaign_id               uuid not null references campaigns (id) on delete cascade,
    title                     varchar(200) not null,
    topic                     varchar(1000),
    mode                      varchar(16) not null,
    status                    varchar(24) not null,
    strategy_version          int,
    stale_against_version     int,
    approved_snapshot         text,
    approval_id               uuid,
    deleted_at                timestamp with time zone,
    created_by                uuid not null,
    created_at                timestamp with time zone not null,
    updated_by                uuid not null,
    updated_at                timestamp with time zone not null,
    version                   bigint not null
);
create index creatives_campaign_idx on creatives (tenant_id, campaign_id, created_at);

create table creative_channels (
    creative_id  uuid not null references creatives (id) on delete cascade,
    channel      varchar(32) not null,
    primary key (creative_id, channel)
);

create table creative_components (
    id                  uuid not null primary key,
    tenant_id           uuid not null references workspaces (id),
    creative_id         uuid not null references creatives (id) on delete cascade,
    kind                varchar(16) not null,
    current_version     int,
    body                text,
    asset_id            uuid references assets (id) on delete set null,
    version_count       int not null,
    current_origin      varchar(16),
    locked              boolean not null,
    stale               boolean not null,
    version             bigint not null,
    constraint creative_components_kind_key unique (creative_id, kind)
);

create table component_versions (
    id                uuid not null primary key,
    tenant_id         uuid not null references workspaces (id),
    component_id      uuid not null references creative_components (id) on delete cascade,
    number            int not null,
    origin            varchar(16) not null,
    body              text,
    asset_id          uuid references assets (id) on delete set null,
    provider          varchar(40),
    model             varchar(120),
    prompt_version    varchar(60),
    seed              bigint,
    strategy_version  int,
    author_id         uuid,
    created_at        timestamp with time zone not null,
    constraint component_versions_number_key unique (component_id, number)
);
