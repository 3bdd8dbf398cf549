-- Resumable (tus 1.0) uploads of the asset library (issue 12). One row per upload a client has started: how long the
-- file is, how many bytes have durably arrived (upload_offset), the asset details it was created with, and when it
-- expires if nobody touches it. The bytes themselves wait in a file under <data-dir>/uploads until the last one
-- arrives; then the file goes through the normal upload path and asset_id records the outcome, so a client that lost
-- the final answer can still learn it. Rows are bookkeeping (not audited); the expiry job deletes them with their files.
create table asset_upload_sessions (
    id             uuid not null primary key,
    tenant_id      uuid not null references workspaces (id),
    created_by     uuid not null references users (id),
    upload_length  bigint not null,
    upload_offset  bigint not null,
    metadata       json not null,
    created_at     timestamp with time zone not null,
    updated_at     timestamp with time zone not null,
    expires_at     timestamp with time zone not null,
    asset_id       uuid references assets (id) on delete set null,
    completed_at   timestamp with time zone,
    version        bigint not null,
    constraint asset_upload_sessions_offset_check check (upload_offset >= 0 and upload_offset <= upload_length)
);
create index asset_upload_sessions_expires_idx on asset_upload_sessions (expires_at);
