-- Calls a person asks Flightdeck to make to a tool of a connected MCP server with a campaign's data (issue 47): the
-- ledger of the MCP client. A row is written, with its idempotency key, before the call leaves, and says where the
-- call stands, so a crash neither loses a call nor makes it twice unseen: a call that was out when Flightdeck stopped
-- is put in doubt for a person, never made again on its own. The arguments are kept exactly as they were sent, the
-- campaign's data filled in; the answer as the server gave it (cut to 20,000 characters).
create table mcp_tool_calls (
    id               uuid not null primary key,
    tenant_id        uuid not null references workspaces (id),
    connection_id    uuid references mcp_connections (id) on delete set null,
    connection_name  varchar(80) not null,
    campaign_id      uuid not null,
    tool             varchar(200) not null,
    arguments        text not null,
    idempotency_key  varchar(64) not null unique,
    state            varchar(20) not null,
    attempts         integer not null,
    next_attempt_at  timestamp with time zone,
    tool_error       boolean not null,
    answer           text,
    structured       text,
    reason           varchar(500),
    requested_by     uuid not null references users (id),
    created_at       timestamp with time zone not null,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    updated_at       timestamp with time zone not null,
    version          bigint not null
);
create index mcp_tool_calls_campaign_idx on mcp_tool_calls (tenant_id, campaign_id, created_at);
create index mcp_tool_calls_state_idx on mcp_tool_calls (tenant_id, state);
