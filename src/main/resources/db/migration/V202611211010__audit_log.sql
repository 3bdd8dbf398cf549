-- Every write in every module: who, what, which fields changed, when, from where
create table audit_log (
    id             uuid not null primary key,
    tenant_id      uuid not null,
    actor_user_id  uuid,
    actor_api_key  uuid,
    actor_name     varchar(120) not null,
    action         varchar(20) not null,
    entity_type    varchar(80) not null,
    entity_id      uuid not null,
    changes        text,
    request_id     varchar(64),
    client_address varchar(64),
    occurred_at    timestamp with time zone not null
);
create index audit_log_tenant_time_idx on audit_log (tenant_id, occurred_at);
create index audit_log_tenant_entity_idx on audit_log (tenant_id, entity_type, entity_id);
