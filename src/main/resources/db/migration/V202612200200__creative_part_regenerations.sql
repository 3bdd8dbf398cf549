-- A part of a creative written again by the generator in a job, after the request that asked for it committed
-- (issue 47: an assistant's regenerate_creative_part previews the request with a dry run, which must not reach the
-- model provider). A row is the request and its outcome: queued, running, done with the version it made, or failed
-- with why in words. The version and DONE are written in one transaction, so a crash leaves a request to run again,
-- never a version nobody recorded.
create table creative_part_regenerations (
    id              uuid not null primary key,
    tenant_id       uuid not null references workspaces (id),
    creative_id     uuid not null,
    component_kind  varchar(30) not null,
    provider        varchar(40),
    model           varchar(120),
    seed            bigint,
    state           varchar(20) not null,
    attempts        integer not null,
    version_number  integer,
    replaced        boolean,
    reason          varchar(500),
    requested_by    uuid not null references users (id),
    created_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    updated_at      timestamp with time zone not null,
    version         bigint not null
);
create index creative_part_regenerations_creative_idx on creative_part_regenerations (tenant_id, creative_id, created_at);
