-- The notifications module's in-app inbox: one row per recipient and notification, with the three moments a member
-- sees, reads and archives it. event_key makes a listener's retry write nothing new: one row per recipient and event.
create table notifications (
    id            uuid not null primary key,
    tenant_id     uuid not null references workspaces (id),
    recipient_id  uuid not null references users (id),
    event_key     varchar(200) not null,
    trigger_type  varchar(40) not null,
    category      varchar(20) not null,
    priority      varchar(10) not null,
    title         varchar(300) not null,
    body          varchar(2000),
    link          varchar(500) not null,
    reason        varchar(500) not null,
    subject_type  varchar(40) not null,
    subject_id    uuid not null,
    campaign_id   uuid,
    actor_id      uuid,
    created_at    timestamp with time zone not null,
    seen_at       timestamp with time zone,
    read_at       timestamp with time zone,
    archived_at   timestamp with time zone,
    version       bigint not null,
    constraint notifications_once_per_event unique (tenant_id, recipient_id, event_key)
);

-- The bell and the feed: a member's live items, newest first, and the unseen ones.
create index notifications_inbox_idx on notifications (tenant_id, recipient_id, archived_at, created_at desc);
create index notifications_unseen_idx on notifications (tenant_id, recipient_id, seen_at);
