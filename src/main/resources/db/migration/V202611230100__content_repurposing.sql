-- Repurposing (issue 13, seed 002): a long text (pasted, or read from a document asset) and the pieces made from it,
-- one per format and variation, each with its own status.
create table repurpose_sources (
    id               uuid not null primary key,
    tenant_id        uuid not null references workspaces (id),
    campaign_id      uuid references campaigns (id) on delete set null,
    title            varchar(200) not null,
    source_text      text not null,
    source_asset_id  uuid references assets (id) on delete set null,
    word_count       int not null,
    created_by       uuid not null,
    created_at       timestamp with time zone not null,
    version          bigint not null
);
create index repurpose_sources_tenant_idx on repurpose_sources (tenant_id, created_at);

create table repurposed_items (
    id           uuid not null primary key,
    tenant_id    uuid not null references workspaces (id),
    source_id    uuid not null references repurpose_sources (id) on delete cascade,
    format       varchar(32) not null,
    variation    int not null,
    body         text not null,
    posts        json,
    status       varchar(16) not null,
    creative_id  uuid references creatives (id) on delete set null,
    updated_by   uuid not null,
    updated_at   timestamp with time zone not null,
    version      bigint not null
);
create index repurposed_items_source_idx on repurposed_items (source_id, format, variation);
