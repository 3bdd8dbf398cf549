-- Spend entered or removed by hand (analytics, issue 29): one row per entry or removal, written through JPA so the
-- audit log records who entered which amount for which channel and days. The numbers themselves are the facts of the
-- source "entered"; this is the record of the person's act.
create table analytics_spend_entries (
    id          uuid primary key,
    tenant_id   uuid not null references workspaces (id),
    campaign_id uuid not null,
    action      varchar(8) not null,
    channel     varchar(40) not null,
    from_day    date not null,
    to_day      date not null,
    amount      numeric(19, 2),
    currency    varchar(3)
);
create index analytics_spend_entries_campaign on analytics_spend_entries (tenant_id, campaign_id);
