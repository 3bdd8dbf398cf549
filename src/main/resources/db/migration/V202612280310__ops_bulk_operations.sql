-- Bulk operations (issue 48): one row per operation a member started, one row per item it changes.
--   bulk_operations: what was asked (type, action, params), by whom and with which role, where the job is and its
--                    counters (written once per batch, so progress reads one row).
--   bulk_items:      each item's outcome in request order: SUCCEEDED with what undo needs (restore: the values before
--                    and the version after), FAILED with the reason in words, later UNDONE or UNDO_FAILED.
create table bulk_operations (
    id               uuid not null primary key,
    tenant_id        uuid not null references workspaces (id),
    item_type        varchar(40) not null,
    action           varchar(40) not null,
    params           json,
    status           varchar(16) not null,
    total            int not null,
    done             int not null,
    succeeded        int not null,
    failed           int not null,
    undone           int not null,
    undo_failed      int not null,
    requested_by     uuid not null references users (id),
    requester_role   varchar(16) not null,
    requester_name   varchar(200),
    created_at       timestamp with time zone not null,
    finished_at      timestamp with time zone,
    undo_started_at  timestamp with time zone,
    updated_at       timestamp with time zone not null,
    version          bigint not null
);
create index bulk_operations_tenant_created_idx on bulk_operations (tenant_id, created_at);
create index bulk_operations_live_idx on bulk_operations (status);

create table bulk_items (
    id           uuid not null primary key,
    tenant_id    uuid not null references workspaces (id),
    operation_id uuid not null references bulk_operations (id) on delete cascade,
    position     int not null,
    item_id      uuid not null,
    item_name    varchar(300),
    state        varchar(16) not null,
    reason       varchar(1000),
    restore      json,
    version      bigint not null
);
create unique index bulk_items_operation_position_idx on bulk_items (operation_id, position);
create index bulk_items_operation_state_idx on bulk_items (operation_id, state, position);
