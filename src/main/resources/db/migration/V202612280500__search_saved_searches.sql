-- Saved searches (issue 48): a member's named search (its words and filters as JSON), private or shared with the
-- workspace, optionally watched: a recurring check runs it as its owner and tells them of hits it had not seen.
create table saved_searches (
    id               uuid not null primary key,
    tenant_id        uuid not null references workspaces (id),
    owner_id         uuid not null references users (id),
    name             varchar(120) not null,
    visibility       varchar(16) not null,
    query            text not null,
    alert            boolean not null,
    alert_checked_at timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint not null,
    constraint saved_searches_visibility check (visibility in ('WORKSPACE', 'PRIVATE'))
);
create index saved_searches_tenant_owner on saved_searches (tenant_id, owner_id, name);
create index saved_searches_alerts_due on saved_searches (alert, alert_checked_at);

-- What the last check of a watched search found ("task:<id>"), so the next one tells only what is new.
create table saved_search_seen (
    saved_search_id uuid not null references saved_searches (id) on delete cascade,
    item            varchar(80) not null,
    primary key (saved_search_id, item)
);
