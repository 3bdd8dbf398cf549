-- CSV imports into a campaign space (issue 12): asset metadata or performance by day.
--   asset_imports:          one per uploaded file: what it is, how it runs, where the job is (the file itself is in the
--                           blob store under blob_key, so a restarted job reads it again), and its counters.
--   asset_import_errors:    the row-level report (row, column, message) in the order found, the first 1,000 of an
--                           import; error_count on the import has the total.
--   asset_performance_days: one use's performance on one day from one source. Re-importing a day replaces it (within
--                           one import, rows of the same use and day add up: a segmented export), and the totals of
--                           asset_uses, assets and campaign_spaces are recomputed from these rows.
create table asset_imports (
    id               uuid not null primary key,
    tenant_id        uuid not null references workspaces (id),
    space_id         uuid not null references campaign_spaces (id) on delete cascade,
    kind             varchar(16) not null,
    format           varchar(16) not null,
    mode             varchar(16) not null,
    file_name        varchar(255) not null,
    file_sha256      varchar(64) not null,
    file_size        bigint not null,
    blob_key         varchar(200) not null,
    status           varchar(16) not null,
    rows_read        bigint not null,
    rows_imported    bigint not null,
    rows_rejected    bigint not null,
    error_count      bigint not null,
    -- the last source row whose outcome is committed: a restarted skip-bad-rows import carries on after it
    resume_after_row bigint not null,
    bytes_done       bigint not null,
    bytes_total      bigint not null,
    attempts         int not null,
    failure          varchar(1000),
    created_by       uuid not null references users (id),
    created_at       timestamp with time zone not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    version          bigint not null
);
create index asset_imports_tenant_created_idx on asset_imports (tenant_id, created_at);
create index asset_imports_space_idx on asset_imports (space_id, created_at);

create table asset_import_errors (
    id            uuid not null primary key,
    tenant_id     uuid not null references workspaces (id),
    import_id     uuid not null references asset_imports (id) on delete cascade,
    line_number   int not null,
    source_row    bigint not null,
    source_column varchar(200),
    message       varchar(1000) not null
);
create index asset_import_errors_import_idx on asset_import_errors (import_id, line_number);

-- import_id says which import wrote the row last. It has no foreign key and the table no index beyond its key, so that
-- a million-row import maintains one index and checks two references per row; reads go by use (the key's prefix).
create table asset_performance_days (
    tenant_id   uuid not null references workspaces (id),
    use_id      uuid not null references asset_uses (id) on delete cascade,
    report_date date not null,
    source      varchar(16) not null,
    impressions bigint not null,
    clicks      bigint not null,
    conversions bigint not null,
    spend       decimal(16, 2) not null,
    revenue     decimal(16, 2) not null,
    import_id   uuid not null,
    primary key (use_id, report_date, source)
);
