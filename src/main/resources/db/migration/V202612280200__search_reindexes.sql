-- Full reindexes of a workspace's search indexes (issue 48): one row per run, written by the reindex job as it goes,
-- so an admin can follow it (GET /api/v1/search/reindex/{id}) and see how the last one ended.
create table search_reindexes (
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
create index search_reindexes_tenant_idx on search_reindexes (tenant_id, requested_at);
