-- Notifications, second part: preferences per member, category and channel over workspace defaults, and the delivery
-- ledger (one row per notification and outside channel, written before the send).

-- A member may switch the app off for a category while keeping its email: the row is then kept (it anchors the email
-- and its "why") but not shown in the bell or the feed. in_app_source names the setting that decided it.
alter table notifications add column in_app boolean default true not null;
alter table notifications add column in_app_source varchar(10) default 'BUILT_IN' not null;

create table notification_preferences (
    id          uuid not null primary key,
    tenant_id   uuid not null references workspaces (id),
    member_id   uuid not null references users (id),
    category    varchar(20) not null,
    channel     varchar(10) not null,
    mode        varchar(10) not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null,
    constraint notification_preferences_once unique (tenant_id, member_id, category, channel)
);

create table notification_defaults (
    id          uuid not null primary key,
    tenant_id   uuid not null references workspaces (id),
    category    varchar(20) not null,
    channel     varchar(10) not null,
    mode        varchar(10) not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null,
    constraint notification_defaults_once unique (tenant_id, category, channel)
);

-- queued -> sending -> sent | failed (to be tried again at next_attempt_at) | dead (a person may retry it).
-- idempotency_key is the mail's Message-ID; possible_duplicate marks a resend after a crash that could not look up
-- whether the first attempt went out.
create table notification_deliveries (
    id                  uuid not null primary key,
    tenant_id           uuid not null references workspaces (id),
    notification_id     uuid not null references notifications (id),
    recipient_id        uuid not null references users (id),
    channel             varchar(10) not null,
    status              varchar(10) not null,
    source              varchar(10) not null,
    idempotency_key     varchar(100) not null,
    attempts            integer not null,
    possible_duplicate  boolean not null,
    transport           varchar(20),
    last_error          varchar(500),
    created_at          timestamp with time zone not null,
    next_attempt_at     timestamp with time zone,
    sending_at          timestamp with time zone,
    sent_at             timestamp with time zone,
    dead_at             timestamp with time zone,
    updated_at          timestamp with time zone not null,
    version             bigint not null,
    constraint notification_deliveries_key unique (idempotency_key),
    constraint notification_deliveries_once unique (notification_id, channel)
);

create index notification_deliveries_status_idx on notification_deliveries (tenant_id, status, channel);
create index notification_deliveries_due_idx on notification_deliveries (status, next_attempt_at);
