-- Contact imports (email module, issue 28): a CSV file uploaded, previewed, mapped, then read by a job in batches.

-- One import: the uploaded file (its header as the preview shows it), the choices made when it was started (the column
-- mapping, the consent evidence for the whole file, the list to put everyone on, what to do with existing contacts),
-- and the run's counters, committed with each batch so a restarted run carries on after resume_after_row.
create table email_contact_imports (
    id               uuid not null primary key,
    tenant_id        uuid not null references workspaces (id),
    file_name        varchar(255) not null,
    file_size        bigint not null,
    delimiter        varchar(1) not null,
    header           json not null,
    status           varchar(16) not null,
    mapping          json,
    consent_evidence varchar(500),
    list_id          uuid references email_lists (id) on delete set null,
    existing         varchar(16),
    rows_read        bigint not null,
    rows_added       bigint not null,
    rows_updated     bigint not null,
    rows_skipped     bigint not null,
    rows_suppressed  bigint not null,
    rows_rejected    bigint not null,
    error_count      bigint not null,
    resume_after_row bigint not null,
    bytes_done       bigint not null,
    attempts         int not null,
    failure          varchar(1000),
    created_by       uuid not null references users (id),
    created_at       timestamp with time zone not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    version          bigint not null
);
create index email_contact_imports_tenant on email_contact_imports (tenant_id, created_at);

-- The uploaded file itself, in pieces of up to 256 KB, so it is written and read a piece at a time (never whole in
-- memory) and any node can run the import. Removed when the import ends (or is abandoned before it starts).
create table email_contact_import_chunks (
    import_id uuid not null references email_contact_imports (id) on delete cascade,
    tenant_id uuid not null references workspaces (id),
    seq       int not null,
    bytes     bytea not null,
    constraint email_contact_import_chunks_pk primary key (import_id, seq)
);

-- The row-level error report, capped (the import's error_count has them all).
create table email_contact_import_errors (
    id            uuid not null primary key,
    tenant_id     uuid not null references workspaces (id),
    import_id     uuid not null references email_contact_imports (id) on delete cascade,
    line_number   int not null,
    source_row    bigint not null,
    source_column varchar(200),
    message       varchar(1000) not null
);
create index email_contact_import_errors_import on email_contact_import_errors (import_id, line_number);

-- A workspace's consent settings: double opt-in for contacts added by a form or the API, and whether the address a
-- confirmation came from is kept as evidence. No row: both off.
create table email_consent_settings (
    id                   uuid not null primary key,
    tenant_id            uuid not null references workspaces (id),
    double_opt_in        boolean not null,
    keep_consent_address boolean not null,
    version              bigint not null,
    constraint email_consent_settings_tenant unique (tenant_id)
);
