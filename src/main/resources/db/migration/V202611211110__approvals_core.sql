-- Approval scopes per workspace (strategy, content, schedule, ads by default) with their stages as JSON,
-- read and written whole through Hibernate.
create table approval_scopes (
    id                uuid not null primary key,
    tenant_id         uuid not null references workspaces (id),
    scope_key         varchar(40) not null,
    name              varchar(80) not null,
    enabled           boolean not null,
    position          integer not null,
    follows_strategy  boolean not null,
    stages            json not null,
    version           bigint not null,
    constraint approval_scopes_key_uq unique (tenant_id, scope_key)
);

create table approval_settings (
    id            uuid not null primary key,
    tenant_id     uuid not null references workspaces (id),
    urgent_hours  integer not null,
    high_hours    integer not null,
    normal_hours  integer not null,
    low_hours     integer not null,
    version       bigint not null,
    constraint approval_settings_tenant_uq unique (tenant_id)
);

create table approval_auto_rules (
    id                   uuid not null primary key,
    tenant_id            uuid not null references workspaces (id),
    name                 varchar(120) not null,
    enabled              boolean not null,
    scope_key            varchar(40),
    max_words            integer,
    trusted_member_ids   json not null,
    campaign_priorities  json not null,
    after_minutes        integer not null,
    created_by           uuid not null references users (id),
    created_at           timestamp with time zone not null,
    version              bigint not null
);
create index approval_auto_rules_tenant_idx on approval_auto_rules (tenant_id);

-- One row per thing under review: a campaign's scope (subject_key 'scope') or a single item ('creative:<id>').
create table approvals (
    id                 uuid not null primary key,
    tenant_id          uuid not null references workspaces (id),
    campaign_id        uuid not null references campaigns (id),
    scope_key          varchar(40) not null,
    scope_name         varchar(80) not null,
    subject_key        varchar(120) not null,
    item_type          varchar(40),
    item_id            uuid,
    title              varchar(200) not null,
    state              varchar(16) not null,
    stages             json not null,
    stage_index        integer not null,
    cycle              integer not null,
    urgency            varchar(16) not null,
    strategy_version   integer,
    requested_by       uuid references users (id),
    word_count         integer,
    stage_opened_at    timestamp with time zone not null,
    due_at             timestamp with time zone,
    escalated_at       timestamp with time zone,
    rejection_reason   varchar(2000),
    decided_at         timestamp with time zone,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    version            bigint not null,
    constraint approvals_subject_uq unique (tenant_id, campaign_id, scope_key, subject_key)
);
create index approvals_tenant_state_due_idx on approvals (tenant_id, state, due_at);
create index approvals_due_idx on approvals (due_at, state);

create table approval_votes (
    id                    uuid not null primary key,
    tenant_id             uuid not null references workspaces (id),
    approval_id           uuid not null references approvals (id),
    cycle                 integer not null,
    stage_index           integer not null,
    voter_id              uuid references users (id),
    on_behalf_of          uuid references users (id),
    reviewer_link_id      uuid,
    voter_name            varchar(160) not null,
    decision              varchar(16) not null,
    comment               varchar(2000),
    decided_at            timestamp with time zone not null
);
create index approval_votes_approval_idx on approval_votes (approval_id, cycle, stage_index);

create table approval_history (
    id           uuid not null primary key,
    tenant_id    uuid not null references workspaces (id),
    approval_id  uuid not null references approvals (id),
    kind         varchar(32) not null,
    from_state   varchar(16),
    to_state     varchar(16),
    stage_index  integer,
    stage_name   varchar(80),
    actor_id     uuid references users (id),
    actor_label  varchar(200) not null,
    comment      varchar(2000),
    occurred_at  timestamp with time zone not null
);
create index approval_history_approval_idx on approval_history (approval_id, occurred_at);

create table approval_comments (
    id                 uuid not null primary key,
    tenant_id          uuid not null references workspaces (id),
    approval_id        uuid not null references approvals (id),
    parent_id          uuid references approval_comments (id),
    author_id          uuid references users (id),
    reviewer_link_id   uuid,
    author_name        varchar(160) not null,
    kind               varchar(20) not null,
    body               varchar(4000) not null,
    mentions           json not null,
    resolved_at        timestamp with time zone,
    resolved_by        uuid references users (id),
    created_at         timestamp with time zone not null,
    version            bigint not null
);
create index approval_comments_approval_idx on approval_comments (approval_id, created_at);

create table approval_delegations (
    id            uuid not null primary key,
    tenant_id     uuid not null references workspaces (id),
    delegator_id  uuid not null references users (id),
    delegate_id   uuid not null references users (id),
    starts_at     timestamp with time zone not null,
    ends_at       timestamp with time zone not null,
    note          varchar(500),
    revoked_at    timestamp with time zone,
    created_at    timestamp with time zone not null,
    version       bigint not null
);
create index approval_delegations_tenant_idx on approval_delegations (tenant_id, delegate_id);

-- External reviewers act through a signed, expiring link; only the token's hash is stored.
create table approval_reviewer_links (
    id            uuid not null primary key,
    tenant_id     uuid not null references workspaces (id),
    approval_id   uuid not null references approvals (id),
    reviewer_name varchar(160) not null,
    reviewer_email varchar(254),
    can_approve   boolean not null,
    token_hash    varchar(64) not null,
    expires_at    timestamp with time zone not null,
    revoked_at    timestamp with time zone,
    created_by    uuid not null references users (id),
    created_at    timestamp with time zone not null,
    version       bigint not null,
    constraint approval_reviewer_links_hash_uq unique (token_hash)
);
