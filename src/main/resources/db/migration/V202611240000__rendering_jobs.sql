-- Render jobs (issue 14, seed 000's RenderJob): one row per job with its status, the provider's id for it, progress,
-- outputs (asset ids), the error, a bounded log and the retry bookkeeping. Webhook deliveries are remembered by the
-- provider's delivery id, so a delivery sent twice changes nothing. Layout templates a workspace edits live in
-- render_templates (the built-in ones ship with the application and are not rows).
create table render_jobs (
    id                 uuid not null primary key,
    tenant_id          uuid not null references workspaces (id),
    creative_id        uuid,
    campaign_id        uuid,
    type               varchar(16) not null,
    provider           varchar(40) not null,
    model              varchar(200) not null,
    status             varchar(16) not null,
    submit_requested   boolean not null,
    params             json not null,
    provider_job_id    varchar(200),
    attempt            int not null,
    current_step       int,
    total_steps        int,
    eta_seconds        int,
    primary_asset_id   uuid,
    poster_asset_id    uuid,
    variants           json not null,
    error_code         varchar(60),
    error_message      varchar(2000),
    error_details      varchar(4000),
    logs               json not null,
    output_hash        varchar(64),
    regeneration_count int not null,
    retry_count        int not null,
    max_retries        int not null,
    next_attempt_at    timestamp with time zone,
    poll_count         int not null,
    requested_by       uuid not null,
    created_at         timestamp with time zone not null,
    started_at         timestamp with time zone,
    completed_at       timestamp with time zone,
    updated_at         timestamp with time zone not null,
    version            bigint not null
);
create index render_jobs_tenant_created_idx on render_jobs (tenant_id, created_at desc, id);
create index render_jobs_tenant_status_idx on render_jobs (tenant_id, status);
create index render_jobs_creative_idx on render_jobs (tenant_id, creative_id, created_at desc);
create unique index render_jobs_provider_job_idx on render_jobs (provider, provider_job_id);

create table render_webhook_deliveries (
    provider      varchar(40) not null,
    delivery_id   varchar(200) not null,
    received_at   timestamp with time zone not null,
    primary key (provider, delivery_id)
);

create table render_templates (
    id          uuid not null primary key,
    tenant_id   uuid not null references workspaces (id),
    template_key varchar(60) not null,
    name        varchar(120) not null,
    definition  json not null,
    created_by  uuid not null,
    created_at  timestamp with time zone not null,
    updated_at  timestamp with time zone not null,
    version     bigint not null,
    constraint render_templates_key_uq unique (tenant_id, template_key)
);
