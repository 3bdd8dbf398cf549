-- Email contacts: one per address and workspace (email_key is the address lower-cased, so Ana@X and ana@x are one),
-- with a status that suppression reads (subscribed, unsubscribed, bounced, complained) and the consent that lets the
-- workspace mail them: where it came from, when, the words or form it was given on, and the address it was given
-- from only where the workspace keeps addresses. Double opt-in: the token sent and the moment it was confirmed.
create table email_contacts (
    id                   uuid not null primary key,
    tenant_id            uuid not null references workspaces (id),
    email                varchar(320) not null,
    email_key            varchar(320) not null,
    name                 varchar(200),
    attributes           json not null,
    time_zone            varchar(64),
    status               varchar(20) not null,
    status_reason        varchar(500),
    status_changed_at    timestamp with time zone not null,
    consent_source       varchar(20),
    consent_evidence     varchar(500),
    consent_at           timestamp with time zone,
    consent_address      varchar(64),
    opt_in_token         varchar(64),
    opt_in_sent_at       timestamp with time zone,
    opt_in_confirmed_at  timestamp with time zone,
    created_at           timestamp with time zone not null,
    updated_at           timestamp with time zone not null,
    version              bigint not null,
    constraint email_contacts_address unique (tenant_id, email_key)
);
create index email_contacts_status on email_contacts (tenant_id, status);
create unique index email_contacts_opt_in on email_contacts (opt_in_token);

-- Lists a contact is on; leaving one list (unsubscribed_at) keeps the others.
create table email_lists (
    id          uuid not null primary key,
    tenant_id   uuid not null references workspaces (id),
    name        varchar(120) not null,
    name_key    varchar(120) not null,
    description varchar(500),
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null,
    constraint email_lists_name unique (tenant_id, name_key)
);

create table email_list_members (
    id              uuid not null primary key,
    tenant_id       uuid not null references workspaces (id),
    list_id         uuid not null references email_lists (id) on delete cascade,
    contact_id      uuid not null references email_contacts (id) on delete cascade,
    added_at        timestamp with time zone not null,
    unsubscribed_at timestamp with time zone,
    constraint email_list_members_once unique (list_id, contact_id)
);
create index email_list_members_contact on email_list_members (contact_id);
