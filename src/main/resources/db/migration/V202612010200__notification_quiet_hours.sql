-- A member's quiet hours in a workspace (a window in their zone, which may cross midnight) and a mute until a moment.
-- Email held by either waits in notification_deliveries with its next_attempt_at at the window's end.
create table notification_quiet_hours (
    id          uuid not null primary key,
    tenant_id   uuid not null references workspaces (id),
    member_id   uuid not null references users (id),
    enabled     boolean not null,
    start_time  varchar(5) not null,
    end_time    varchar(5) not null,
    time_zone   varchar(64) not null,
    muted_until timestamp with time zone,
    updated_at  timestamp with time zone not null,
    version     bigint not null,
    constraint notification_quiet_hours_once unique (tenant_id, member_id)
);
