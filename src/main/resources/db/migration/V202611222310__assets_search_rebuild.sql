-- Rebuilds of a workspace's asset search index (issue 12): one row per run, written by the rebuild job as it goes, so
-- an admin can follow it (GET /api/v1/campaign-assets/search-index/rebuild) and see how the last one ended.
create table asset_search_rebuilds (
    id              uuid not null primary key,
    tenant_id       uuid not null references workspaces (id),
    status          varchar(16) not null,
    entities_total  bigint,
    entities_done   bigint not null,
    requested_by    uuid references users (id),
    requested_at    timestamp with time zone not null,
    started_at      timestamp with time zone,
    finished_at     timestamp with time zone,
    error           varchar(2000),
    version         bigint not null
);
create index asset_search_rebuilds_tenant_idx on asset_search_rebuilds (tenant_id, requested_at);
