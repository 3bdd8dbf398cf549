-- db-scheduler's table (from the project's documented PostgreSQL DDL, in the subset H2 accepts too)
create table scheduled_tasks (
    task_name            varchar(255) not null,
    task_instance        varchar(255) not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean not null,
    picked_by            varchar(255),
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures int,
    last_heartbeat       timestamp with time zone,
    version              bigint not null,
    priority             smallint,
    primary key (task_name, task_instance)
);
create index scheduled_tasks_execution_time_idx on scheduled_tasks (execution_time);
create index scheduled_tasks_last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index scheduled_tasks_priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Spring Modulith's event publication registry (the JPA variant ships no DDL)
create table event_publication (
    id                     uuid not null primary key,
    listener_id            varchar(512) not null,
    event_type             varchar(512) not null,
    serialized_event       text not null,
    publication_date       timestamp with time zone not null,
    completion_date        timestamp with time zone,
    status                 varchar(32),
    completion_attempts    int,
    last_resubmission_date timestamp with time zone
);
create index event_publication_completion_date_idx on event_publication (completion_date);
create index event_publication_status_idx on event_publication (status);

-- Replays of create requests that carried an Idempotency-Key
create table idempotency_keys (
    tenant_id       uuid not null,
    actor_id        uuid not null,
    idempotency_key varchar(255) not null,
    request_hash    varchar(64) not null,
    response_status int,
    response_body   text,
    location        varchar(2048),
    created_at      timestamp with time zone not null,
    primary key (tenant_id, actor_id, idempotency_key)
);
create index idempotency_keys_created_at_idx on idempotency_keys (created_at);
