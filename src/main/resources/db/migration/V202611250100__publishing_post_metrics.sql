-- Publishing (issue 15): each published post's numbers as its network last reported them
create table channel_post_metrics (
    id              uuid          not null primary key,
    tenant_id       uuid          not null,
    channel_post_id uuid          not null references channel_posts (id),
    impressions     bigint,
    reach           bigint,
    engagements     bigint,
    clicks          bigint,
    fetched_at      timestamp with time zone,
    fetch_count     int           not null,
    last_error      varchar(1000),
    next_fetch_at   timestamp with time zone not null,
    version         bigint        not null,
    constraint channel_post_metrics_post unique (channel_post_id)
);
create index channel_post_metrics_due_idx on channel_post_metrics (next_fetch_at);
