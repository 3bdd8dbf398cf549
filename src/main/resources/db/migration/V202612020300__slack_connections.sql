-- A workspace's Slack: the app installed with a bot token (OAuth v2), or an incoming webhook as the simple
-- alternative; tokens and the webhook's address (its path is its credential) are encrypted.
create table slack_connections (
    id              uuid not null primary key,
    tenant_id       uuid not null references workspaces (id),
    team_id         varchar(32),
    team_name       varchar(200),
    bot_user_id     varchar(32),
    bot_token       varchar(1000),
    webhook_url     varchar(2000),
    webhook_channel varchar(200),
    connected_by    uuid not null references users (id),
    connected_at    timestamp with time zone not null,
    version         bigint not null,
    constraint slack_connections_once unique (tenant_id)
);

-- A member linked to their Slack user: found by the email Slack verified, then confirmed by the member themself.
-- Only a confirmed link lets Slack messages reach them or their clicks in Slack act for them.
create table slack_member_links (
    id            uuid not null primary key,
    tenant_id     uuid not null references workspaces (id),
    member_id     uuid not null references users (id),
    team_id       varchar(32) not null,
    slack_user_id varchar(32) not null,
    slack_name    varchar(200),
    proposed_at   timestamp with time zone not null,
    confirmed_at  timestamp with time zone,
    version       bigint not null,
    constraint slack_member_links_member unique (tenant_id, member_id),
    constraint slack_member_links_user unique (tenant_id, team_id, slack_user_id)
);

alter table notification_deliveries add column slack_channel varchar(32);
alter table notification_deliveries add column slack_ts varchar(32);
