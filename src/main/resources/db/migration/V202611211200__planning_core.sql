-- Planning: per-workspace settings, timeline templates, one timeline per campaign, tasks with finish-to-start
-- dependencies and comments, and team profiles (skills, weekly hours) with time off.
create table planning_settings (
    id               uuid not null primary key,
    tenant_id        uuid not null references workspaces (id),
    auto_timeline    boolean not null,
    buffer_urgent    integer not null,
    buffer_high      integer not null,
    buffer_medium    integer not null,
    buffer_low       integer not null,
    holidays         json not null,
    version          bigint not null,
    constraint planning_settings_tenant_uq unique (tenant_id)
);

-- items: milestones and tasks with durations in working days, dependencies by key and required skills
create table timeline_templates (
    id                uuid not null primary key,
    tenant_id         uuid not null references workspaces (id),
    campaign_type     varchar(40) not null,
    name              varchar(120) not null,
    description       varchar(2000),
    default_for_type  boolean not null,
    items             json not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    deleted_at        timestamp with time zone,
    version           bigint not null
);
create index timeline_templates_tenant_type_idx on timeline_templates (tenant_id, campaign_type);

create table timelines (
    id                uuid not null primary key,
    tenant_id         uuid not null references workspaces (id),
    campaign_id       uuid not null references campaigns (id),
    template_id       uuid references timeline_templates (id),
    direction         varchar(16) not null,
    start_date        date not null,
    work_end_date     date not null,
    end_date          date not null,
    duration_days     integer not null,
    buffer_pct        integer not null,
    buffer_days       integer not null,
    target_end_date   date,
    overrun_days      integer not null,
    generated_by      uuid references users (id),
    generated_at      timestamp with time zone not null,
    recalculated_at   timestamp with time zone not null,
    version           bigint not null,
    constraint timelines_campaign_uq unique (tenant_id, campaign_id)
);

create table tasks (
    id                uuid not null primary key,
    tenant_id         uuid not null references workspaces (id),
    campaign_id       uuid not null references campaigns (id),
    timeline_id       uuid references timelines (id),
    template_key      varchar(60),
    kind              varchar(16) not null,
    title             varchar(200) not null,
    description       varchar(4000),
    status            varchar(16) not null,
    priority          varchar(16) not null,
    estimate_hours    double precision not null,
    duration_days     integer not null,
    pinned_start      date,
    start_date        date,
    due_date          date,
    milestone_id      uuid references tasks (id),
    assignee_id       uuid references users (id),
    assigned_by       varchar(16),
    skills            json not null,
    checklist         json not null,
    attachments       json not null,
    position          integer not null,
    earliest_start    integer,
    earliest_finish   integer,
    latest_start      integer,
    latest_finish     integer,
    slack_days        integer,
    critical          boolean not null,
    started_at        timestamp with time zone,
    completed_at      timestamp with time zone,
    created_by        uuid references users (id),
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    deleted_at        timestamp with time zone,
    version           bigint not null
);
create index tasks_tenant_campaign_idx on tasks (tenant_id, campaign_id);
create index tasks_tenant_assignee_idx on tasks (tenant_id, assignee_id, status);
create index tasks_tenant_status_due_idx on tasks (tenant_id, status, due_date);

create table task_dependencies (
    id              uuid not null primary key,
    tenant_id       uuid not null references workspaces (id),
    campaign_id     uuid not null references campaigns (id),
    predecessor_id  uuid not null references tasks (id),
    successor_id    uuid not null references tasks (id),
    created_at      timestamp with time zone not null,
    constraint task_dependencies_uq unique (predecessor_id, successor_id)
);
create index task_dependencies_campaign_idx on task_dependencies (tenant_id, campaign_id);
create index task_dependencies_successor_idx on task_dependencies (successor_id);

create table task_comments (
    id          uuid not null primary key,
    tenant_id   uuid not null references workspaces (id),
    task_id     uuid not null references tasks (id),
    author_id   uuid not null references users (id),
    body        varchar(4000) not null,
    created_at  timestamp with time zone not null
);
create index task_comments_task_idx on task_comments (task_id, created_at);

-- weekly_hours: hours per weekday (MONDAY..SUNDAY); skills: skill name to level 1-5
create table team_profiles (
    id            uuid not null primary key,
    tenant_id     uuid not null references workspaces (id),
    user_id       uuid not null references users (id),
    job_title     varchar(120),
    time_zone     varchar(60) not null,
    weekly_hours  json not null,
    skills        json not null,
    capacity_pct  integer not null,
    updated_at    timestamp with time zone not null,
    version       bigint not null,
    constraint team_profiles_user_uq unique (tenant_id, user_id)
);

create table team_time_off (
    id          uuid not null primary key,
    tenant_id   uuid not null references workspaces (id),
    user_id     uuid not null references users (id),
    starts_on   date not null,
    ends_on     date not null,
    reason      varchar(200),
    created_at  timestamp with time zone not null
);
create index team_time_off_user_idx on team_time_off (tenant_id, user_id, ends_on);
