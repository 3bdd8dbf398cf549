-- Outgoing webhooks: a workspace's endpoints, and the ledger of what was sent to each (one row per message and
-- endpoint, written before any attempt). event_types is a space-separated list of types, or * for every type. The
-- secrets are encrypted with the workspace key (shared/crypto); the previous one signs beside the new one for a day
-- after a rotation.
create table webhook_endpoints (
    id                    uuid not null primary key,
    tenant_id             uuid not null references workspaces (id),
    url                   varchar(2000) not null,
    description           varchar(200),
    event_types           varchar(2000) not null,
    secret                varchar(500) not null,
    previous_secret       varchar(500),
    previous_secret_until timestamp with time zone,
    enabled               boolean not null,
    disabled_at           timestamp with time zone,
    disabled_reason       varchar(500),
    failing_since         timestamp with time zone,
    owner_id              uuid not null references users (id),
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    version               bigint not null
);
create index webhook_endpoints_tenant_idx on webhook_endpoints (tenant_id, created_at);

-- message_id is the webhook-id header: the same on every attempt and replay, so a consumer can ignore repeats.
create table webhook_messages (
    id                 uuid not null primary key,
    tenant_id          uuid not null references workspaces (id),
    endpoint_id        uuid not null references webhook_endpoints (id) on delete cascade,
    message_id         varchar(40) not null,
    event_type         varchar(60) not null,
    event_key          varchar(200) not null,
    payload            text not null,
    status             varchar(10) not null,
    attempts           integer not null,
    possible_duplicate boolean not null,
    last_status        integer,
    last_error         varchar(500),
    created_at         timestamp with time zone not null,
    next_attempt_at    timestamp with time zone,
    sending_at         timestamp with time zone,
    sent_at            timestamp with time zone,
    dead_at            timestamp with time zone,
    updated_at         timestamp with time zone not null,
    version            bigint not null,
    constraint webhook_messages_once unique (endpoint_id, event_key)
);
create index webhook_messages_endpoint_idx on webhook_messages (endpoint_id, created_at desc);
create index webhook_messages_open_idx on webhook_messages (status, next_attempt_at);
