-- Email templates (issue 28): a workspace's own templates beside the four built-ins (which live in the code, with
-- stable ids such as builtin-welcome). name_key is the name lower-cased, so a name is unique in any case. The HTML is
-- sanitised before it is stored.
create table email_templates (
    id          uuid not null primary key,
    tenant_id   uuid not null references workspaces (id),
    name        varchar(120) not null,
    name_key    varchar(120) not null,
    kind        varchar(20) not null,
    subject     varchar(300) not null,
    preheader   varchar(300) not null,
    html        text not null,
    created_at  timestamp with time zone not null,
    created_by  uuid not null,
    updated_at  timestamp with time zone not null,
    updated_by  uuid not null,
    version     bigint not null,
    constraint email_templates_name unique (tenant_id, name_key)
);

-- Test sends: the ledger row (its id is the idempotency key and the Message-ID) is committed before the mail is handed
-- to the transport; content_digest is the SHA-256 of subject, preheader and HTML, so a campaign can tell whether its
-- current content was tested.
create table email_test_sends (
    id              uuid not null primary key,
    tenant_id       uuid not null references workspaces (id),
    subject_kind    varchar(20) not null,
    subject_id      uuid not null,
    content_digest  varchar(64) not null,
    to_address      varchar(320) not null,
    contact_id      uuid,
    state           varchar(20) not null,
    error           varchar(1000),
    created_by      uuid not null,
    created_at      timestamp with time zone not null,
    sent_at         timestamp with time zone
);
create index email_test_sends_subject on email_test_sends (tenant_id, subject_id, content_digest);

-- Sender settings, one row per workspace: who campaign mail comes from and the postal address its footer carries.
create table email_settings (
    id              uuid not null primary key,
    tenant_id       uuid not null references workspaces (id),
    from_name       varchar(120),
    from_address    varchar(320),
    reply_to        varchar(320),
    postal_address  varchar(500),
    updated_at      timestamp with time zone not null,
    version         bigint not null,
    constraint email_settings_workspace unique (tenant_id)
);
