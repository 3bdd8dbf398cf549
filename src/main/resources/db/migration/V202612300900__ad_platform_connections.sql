-- A workspace's access to an ad platform's reporting API (issue 50): Google Ads (a customer id, the developer token and
-- an OAuth client with its refresh token) or Meta (an ad account act_..., a system-user or long-lived access token).
-- Every credential is stored encrypted by SecretCipher and never answered.
create table ad_platform_connections (
    id                  uuid not null primary key,
    tenant_id           uuid not null references workspaces (id),
    platform            varchar(16) not null,
    name                varchar(200) not null,
    account_id          varchar(64) not null,
    login_customer_id   varchar(16),
    developer_token     varchar(1000),
    oauth_client_id     varchar(1000),
    oauth_client_secret varchar(1000),
    refresh_token       varchar(2000),
    access_token        varchar(2000),
    created_by          uuid not null references users (id),
    created_at          timestamp with time zone not null,
    version             bigint not null,
    constraint ad_platform_connections_platform check (platform in ('GOOGLE_ADS', 'META'))
);
create index ad_platform_connections_tenant on ad_platform_connections (tenant_id, platform);

-- An import fed by a platform's API rather than a file: no stored file, and where its rows came from.
alter table asset_imports alter column blob_key drop not null;
alter table asset_imports alter column file_sha256 drop not null;
alter table asset_imports add column source varchar(16) not null default 'CSV_IMPORT';
alter table asset_imports add column connection_id uuid references ad_platform_connections (id) on delete set null;
