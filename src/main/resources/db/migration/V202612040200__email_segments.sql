-- Segments: contacts chosen by rules evaluated in SQL (email module, issue 28).

-- What a contact did with the mail sent to them: an open, a click or a conversion, each marked human or machine (a
-- mail scanner's prefetch, a privacy proxy's open) by the tracking endpoints. Segments read only the human ones; the
-- index serves their correlated look-up (did this contact click in the last N days?).
create table email_engagements (
    id           uuid not null primary key,
    tenant_id    uuid not null references workspaces (id),
    contact_id   uuid not null references email_contacts (id) on delete cascade,
    send_id      uuid,
    recipient_id uuid,
    kind         varchar(12) not null,
    human        boolean not null,
    url          varchar(2000),
    occurred_at  timestamp with time zone not null,
    constraint email_engagements_kind check (kind in ('OPEN', 'CLICK', 'CONVERSION'))
);
create index email_engagements_contact on email_engagements (tenant_id, contact_id, kind, occurred_at);

-- A contact's attributes, one row each, so that rules can compare them in SQL on both databases (the contact's own
-- json column is written and read whole; H2 cannot look inside it). Kept in step with every write of the attributes;
-- number_value and date_value are set when the text reads as a number or an ISO date.
create table email_contact_attributes (
    tenant_id    uuid not null references workspaces (id),
    contact_id   uuid not null references email_contacts (id) on delete cascade,
    name         varchar(40) not null,
    text_value   varchar(500) not null,
    number_value numeric(38, 6),
    date_value   date,
    constraint email_contact_attributes_pk primary key (contact_id, name)
);
create index email_contact_attributes_name on email_contact_attributes (tenant_id, name);

-- A workspace's own segments: a name (unique in any case) and its rules as data. The five built-in segments are
-- defined in code and have no rows.
create table email_segments (
    id          uuid not null primary key,
    tenant_id   uuid not null references workspaces (id),
    name        varchar(120) not null,
    name_key    varchar(120) not null,
    description varchar(500),
    rules       json not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null,
    constraint email_segments_name unique (tenant_id, name_key)
);
