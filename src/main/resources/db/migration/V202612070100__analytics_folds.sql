-- When the rollups last folded a campaign's changes in, and how many times (analytics, issue 29): open dashboards
-- compare the count with the one they were drawn with to know their numbers moved, a look-up by key rather than a
-- scan of the campaign's rollups; the workspace's page reads its campaigns' rows.
create table analytics_folds (
    tenant_id   uuid not null references workspaces (id),
    campaign_id uuid not null,
    folds       bigint not null,
    folded_at   timestamp with time zone not null,
    constraint analytics_folds_key primary key (tenant_id, campaign_id)
);
