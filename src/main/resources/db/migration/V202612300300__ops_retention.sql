-- Retention and clean-up (issue 49): how long a workspace keeps each kind of record, and what each purge removed.
--   retention_policies:     one row per workspace and kind an admin set (a kind without a row keeps its default):
--                           keep rows for keep_days, and whether the rows are exported before they are deleted.
--   retention_runs:         one purge of one workspace (tenant_id null: the installation's own, event publications),
--                           started by the daily job (SCHEDULED) or an admin (MANUAL).
--   retention_run_kinds:    per run and kind: the cutoff it used, how many rows it removed, and its export.
--   retention_export_parts: the export of one run and kind, a blob per batch written before that batch was deleted;
--                           read in part order they are the export's JSON Lines.
create table retention_policies (
    id                   uuid not null primary key,
    tenant_id            uuid not null references workspaces (id),
    kind                 varchar(40) not null,
    keep_days            int not null,
    export_before_purge  boolean not null,
    updated_at           timestamp with time zone not null,
    version              bigint not null,
    constraint retention_policies_once unique (tenant_id, kind)
);

create table retention_runs (
    id            uuid not null primary key,
    tenant_id     uuid references workspaces (id),
    trigger_kind  varchar(10) not null,
    requested_by  uuid references users (id),
    status        varchar(10) not null,
    created_at    timestamp with time zone not null,
    started_at    timestamp with time zone,
    finished_at   timestamp with time zone,
    error         varchar(1000)
);
create index retention_runs_tenant_created_idx on retention_runs (tenant_id, created_at desc, id);

create table retention_run_kinds (
    run_id        uuid not null references retention_runs (id) on delete cascade,
    kind          varchar(40) not null,
    keep_days     int not null,
    cutoff        timestamp with time zone not null,
    removed       bigint not null,
    exported      boolean not null,
    export_rows   bigint not null,
    error         varchar(1000),
    primary key (run_id, kind)
);

create table retention_export_parts (
    run_id    uuid not null references retention_runs (id) on delete cascade,
    kind      varchar(40) not null,
    part      int not null,
    blob_key  varchar(200) not null,
    row_count int not null,
    bytes     bigint not null,
    primary key (run_id, kind, part)
);
create index retention_export_parts_blob_idx on retention_export_parts (blob_key);

-- The purges find their oldest rows by age within a workspace
create index notification_deliveries_tenant_created_idx on notification_deliveries (tenant_id, created_at);
create index notifications_tenant_created_idx on notifications (tenant_id, created_at);
create index idempotency_keys_tenant_created_idx on idempotency_keys (tenant_id, created_at);
create index bulk_operations_tenant_finished_idx on bulk_operations (tenant_id, finished_at);

-- Idempotency keys are purged per workspace by the retention purge now, no longer by an hourly job of their own
delete from scheduled_tasks where task_name = 'purge-idempotency-keys';
