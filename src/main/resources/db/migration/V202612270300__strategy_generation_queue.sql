-- A strategy drafted by the generator in a job, after the request that asked for it committed (issue 47: an
-- assistant's generate_strategy previews the request with a dry run, which must not reach the content generator). A
-- row is the request and its outcome: queued, running, done with the strategy version and the generation record it
-- made, or failed with why in words. The version, its generation record and DONE are written in one transaction, so a
-- crash leaves a request to run again, never a version nobody recorded. Beside guidance_strategy_generations rather
-- than in it: that table records versions that exist, written once.
create table guidance_strategy_generation_requests (
    id               uuid not null primary key,
    tenant_id        uuid not null references workspaces (id),
    campaign_id      uuid not null,
    provider         varchar(40),
    state            varchar(20) not null,
    attempts         integer not null,
    strategy_version integer,
    generation_id    uuid references guidance_strategy_generations (id),
    reason           varchar(500),
    requested_by     uuid not null references users (id),
    created_at       timestamp with time zone not null,
    finished_at      timestamp with time zone,
    updated_at       timestamp with time zone not null,
    version          bigint not null
);
create index guidance_strategy_generation_requests_campaign on guidance_strategy_generation_requests
    (tenant_id, campaign_id, created_at);
