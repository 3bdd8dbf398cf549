-- A decision a member took with a button in Slack: written (once per approval, round and Slack user, however often
-- Slack retries or the person clicks) before Slack is answered, then decided by a job as the linked member.
create table slack_actions (
    id            uuid not null primary key,
    tenant_id     uuid not null references workspaces (id),
    approval_id   uuid not null,
    round         varchar(20) not null,
    team_id       varchar(32) not null,
    slack_user_id varchar(32) not null,
    decision      varchar(20) not null,
    text          varchar(2000),
    channel       varchar(32),
    message_ts    varchar(32),
    response_url  varchar(3000),
    status        varchar(10) not null,
    outcome       varchar(500),
    created_at    timestamp with time zone not null,
    done_at       timestamp with time zone,
    version       bigint not null,
    constraint slack_actions_once unique (tenant_id, approval_id, round, slack_user_id)
);
