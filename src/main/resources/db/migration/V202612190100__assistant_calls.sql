-- Every tool call an AI assistant made over MCP (issue 47): who (the key's owner and the key), through which client,
-- which tool, a hash of the arguments (not the arguments: they may hold people's words) and how it ended. A row is
-- also an audit log entry; this table is what the assistants page lists.
create table assistant_calls (
    id             uuid primary key,
    tenant_id      uuid not null references workspaces (id),
    user_id        uuid not null,
    user_name      varchar(200) not null,
    api_key_id     uuid,
    client_name    varchar(200),
    client_version varchar(100),
    tool           varchar(100) not null,
    arguments_digest varchar(64) not null,
    outcome        varchar(20) not null,
    detail         varchar(500),
    occurred_at    timestamp with time zone not null
);
create index assistant_calls_recent on assistant_calls (tenant_id, occurred_at desc);
create index assistant_calls_by_person on assistant_calls (tenant_id, user_id, occurred_at desc);

-- The client a caller (a key, or a person signed in without one) last initialised with. The server is stateless, so
-- later calls, on any node, read it here.
create table assistant_clients (
    caller_id uuid primary key,
    name      varchar(200) not null,
    version   varchar(100),
    seen_at   timestamp with time zone not null
);
