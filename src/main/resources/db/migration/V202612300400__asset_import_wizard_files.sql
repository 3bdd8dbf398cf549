-- The asset import wizard's chosen files (issue 49, many nodes): kept in the database between the preview and the
-- start instead of on one node's disk, so whichever node the next step reaches finds the file. What the member chose
-- for a file (its name, kind, format, mode) stays in their session, which is in the database too; here only the
-- bytes and when they were chosen, for the sweep that forgets files whose import never started.
--   asset_import_wizard_files:  one chosen file; id is the wizard's token. Deleted when its import starts, when it is
--                               cancelled or replaced, and by the job forget-import-wizard-files an hour after kept_at.
--   asset_import_wizard_chunks: its bytes in pieces of up to 256 KB (shared.files.FileChunks, as the contact import),
--                               written and read a piece at a time, never whole in memory; they go with their file.
create table asset_import_wizard_files (
    id        uuid not null primary key,
    tenant_id uuid not null references workspaces (id),
    kept_at   timestamp with time zone not null
);
create index asset_import_wizard_files_kept_at on asset_import_wizard_files (kept_at);

create table asset_import_wizard_chunks (
    file_id   uuid not null references asset_import_wizard_files (id) on delete cascade,
    tenant_id uuid not null references workspaces (id),
    seq       int not null,
    bytes     bytea not null,
    constraint asset_import_wizard_chunks_pk primary key (file_id, seq)
);
