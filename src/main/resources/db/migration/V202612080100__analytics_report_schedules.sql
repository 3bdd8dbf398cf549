-- Scheduled reports (analytics, issue 29): a campaign's report e-mailed daily, weekly or monthly. One run per
-- schedule and period (the unique key), so a retry, a second node or a restart never makes a second run of the same
-- period; one mail row per run and recipient, written before the mail leaves, so none is sent twice.
create table analytics_report_schedules (
    id              uuid primary key,
    tenant_id       uuid not null references workspaces (id),
    campaign_id     uuid not null,
    owner_id        uuid not null,
    kind            varchar(16) not null,
    format          varchar(8) not null,
    cadence         varchar(8) not null,
    recipients      varchar(4000) not null,
    skip_when_empty boolean not null,
    paused          boolean not null,
    created_at      timestamp with time zone not null
);
create index analytics_report_schedules_tenant on analytics_report_schedules (tenant_id, created_at);

create table analytics_report_runs (
    id          uuid primary key,
    tenant_id   uuid not null references workspaces (id),
    schedule_id uuid not null references analytics_report_schedules (id) on delete cascade,
    period_from date not null,
    period_to   date not null,
    due_at      timestamp with time zone not null,
    status      varchar(16) not null,
    detail      varchar(1000),
    as_of       timestamp with time zone,
    finished_at timestamp with time zone,
    constraint analytics_report_runs_period unique (schedule_id, period_from)
);
create index analytics_report_runs_schedule on analytics_report_runs (schedule_id, period_from desc);

create table analytics_report_mails (
    run_id    uuid not null references analytics_report_runs (id) on delete cascade,
    recipient varchar(320) not null,
    tenant_id uuid not null references workspaces (id),
    mail_key  varchar(100) not null,
    status    varchar(16) not null,
    detail    varchar(1000),
    sent_at   timestamp with time zone,
    constraint analytics_report_mails_key primary key (run_id, recipient),
    constraint analytics_report_mails_mail_key unique (mail_key)
);
-- the minute job looks for due runs that lost their job
create index analytics_report_runs_status on analytics_report_runs (status);
