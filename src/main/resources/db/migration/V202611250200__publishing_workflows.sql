-- Publishing (issue 15): each campaign's orchestration workflow, VALIDATE → SCHEDULE → PUBLISH → MONITOR
create table campaign_workflows (
    id           uuid         not null primary key,
    tenant_id    uuid         not null,
    campaign_id  uuid         not null,
    status       varchar(16)  not null,
    steps        jsonb        not null,
    started_at   timestamp with time zone not null,
    updated_at   timestamp with time zone not null,
    finished_at  timestamp with time zone,
    version      bigint       not null,
    constraint campaign_workflows_campaign unique (tenant_id, campaign_id)
);
