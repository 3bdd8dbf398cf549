-- Outside MCP servers a workspace's admins connect Flightdeck to (issue 47, Flightdeck as an MCP client): where the
-- server answers (Streamable HTTP), the bearer secret it wants (encrypted, like every stored secret; its last four
-- characters beside it, so the page can tell two secrets apart without decrypting either), and what the last check
-- found. The tools are a JSON snapshot of the last check that reached the server, kept while the server is broken so
-- the admin still sees what it offered; JSON is written and read whole, never queried in SQL.
create table mcp_connections (
    id              uuid not null primary key,
    tenant_id       uuid not null references workspaces (id),
    name            varchar(80) not null,
    url             varchar(2000) not null,
    secret          varchar(6000),
    secret_ending   varchar(4),
    health          varchar(20) not null,
    checked_at      timestamp with time zone,
    last_error      varchar(500),
    server_name     varchar(200),
    server_version  varchar(100),
    tools           json,
    tools_listed_at timestamp with time zone,
    created_by      uuid not null references users (id),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    version         bigint not null
);
create index mcp_connections_tenant_idx on mcp_connections (tenant_id, created_at);
