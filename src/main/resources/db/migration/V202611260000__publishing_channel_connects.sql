-- Publishing (issue 15): connecting an account through a network's OAuth 2.0 authorization code flow.
-- One row per attempt: the state's hash (the state itself only travels through the person's browser), the PKCE
-- verifier encrypted, and, when the token speaks for several accounts (a LinkedIn member and their organizations),
-- the encrypted tokens and the candidates until the person has picked. Used once; expires after ten minutes.
create table channel_connect_requests (
    id               uuid          not null primary key,
    tenant_id        uuid          not null,
    network          varchar(32)   not null,
    state_hash       varchar(64)   not null,
    code_verifier    text,
    time_zone        varchar(64)   not null,
    requested_by     uuid          not null,
    created_at       timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    used_at          timestamp with time zone,
    completed_at     timestamp with time zone,
    access_token     text,
    refresh_token    text,
    token_expires_at timestamp with time zone,
    scopes           varchar(1000),
    candidates       jsonb,
    version          bigint        not null
);
create unique index channel_connect_requests_state_idx on channel_connect_requests (state_hash);

-- Reconnecting finds the account by the network's id; the token refresh looks for tokens about to end
create index channel_accounts_external_idx on channel_accounts (tenant_id, network, external_id);
create index channel_accounts_token_idx on channel_accounts (token_expires_at);
