create table workspaces (
    id         uuid not null primary key,
    name       varchar(120) not null,
    slug       varchar(60) not null,
    time_zone  varchar(64) not null,
    locale     varchar(35) not null,
    created_at timestamp with time zone not null,
    version    bigint not null,
    constraint workspaces_slug_uk unique (slug)
);

create table users (
    id                uuid not null primary key,
    email             varchar(320) not null,
    display_name      varchar(120) not null,
    password_hash     varchar(100) not null,
    time_zone         varchar(64) not null,
    last_workspace_id uuid,
    created_at        timestamp with time zone not null,
    password_changed_at timestamp with time zone not null,
    version           bigint not null,
    constraint users_email_uk unique (email)
);

create table memberships (
    id         uuid not null primary key,
    tenant_id  uuid not null references workspaces (id),
    user_id    uuid not null references users (id),
    role       varchar(20) not null,
    created_at timestamp with time zone not null,
    version    bigint not null,
    constraint memberships_tenant_user_uk unique (tenant_id, user_id)
);
create index memberships_user_idx on memberships (user_id);

create table invitations (
    id          uuid not null primary key,
    tenant_id   uuid not null references workspaces (id),
    email       varchar(320) not null,
    role        varchar(20) not null,
    token_hash  varchar(64) not null,
    invited_by  uuid not null references users (id),
    expires_at  timestamp with time zone not null,
    accepted_at timestamp with time zone,
    revoked_at  timestamp with time zone,
    created_at  timestamp with time zone not null,
    constraint invitations_token_hash_uk unique (token_hash)
);
create index invitations_tenant_idx on invitations (tenant_id, created_at);

create table api_keys (
    id           uuid not null primary key,
    tenant_id    uuid not null references workspaces (id),
    user_id      uuid not null references users (id),
    name         varchar(80) not null,
    role_ceiling varchar(20) not null,
    secret_hash  varchar(64) not null,
    hint         varchar(12) not null,
    expires_at   timestamp with time zone,
    revoked_at   timestamp with time zone,
    last_used_at timestamp with time zone,
    created_at   timestamp with time zone not null
);
create index api_keys_tenant_user_idx on api_keys (tenant_id, user_id);

-- Failed sign-ins, counted per account and per client address to throttle guessing
create table sign_in_failures (
    id          uuid not null primary key,
    subject     varchar(400) not null,
    occurred_at timestamp with time zone not null
);
create index sign_in_failures_subject_idx on sign_in_failures (subject, occurred_at);
