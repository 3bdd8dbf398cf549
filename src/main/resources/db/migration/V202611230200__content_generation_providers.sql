-- LLM providers per workspace (issue 13): the endpoints a workspace writes with besides the built-in generator, its
-- monthly token budget, and every call's usage (provider, model, prompt version, tokens, cost, latency, outcome).
create table generation_providers (
    id                 uuid not null primary key,
    tenant_id          uuid not null references workspaces (id),
    name               varchar(80) not null,
    kind               varchar(24) not null,
    base_url           varchar(500) not null,
    model              varchar(120) not null,
    api_key_encrypted  varchar(2000),
    azure_api_version  varchar(40),
    is_default         boolean not null,
    created_by         uuid not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint not null
);
create index generation_providers_tenant_idx on generation_providers (tenant_id, name);

create table generation_settings (
    id                    uuid not null primary key,
    tenant_id             uuid not null unique references workspaces (id),
    monthly_token_budget  bigint,
    updated_at            timestamp with time zone not null,
    version               bigint not null
);

create table generation_usage (
    id              uuid not null primary key,
    tenant_id       uuid not null references workspaces (id),
    provider_id     uuid,
    provider_name   varchar(80) not null,
    model           varchar(120) not null,
    prompt_version  varchar(60) not null,
    text_kind       varchar(24) not null,
    input_tokens    int not null,
    output_tokens   int not null,
    cost_micros     bigint not null,
    latency_ms      bigint not null,
    outcome         varchar(40) not null,
    requested_by    uuid,
    created_at      timestamp with time zone not null
);
create index generation_usage_tenant_time_idx on generation_usage (tenant_id, created_at);
