-- Keys of the lines other modules write to a campaign's activity feed (CampaignJournal), so a retried event writes once
create table campaign_activity_keys (
    id          uuid not null primary key,
    tenant_id   uuid not null references workspaces (id),
    campaign_id uuid not null references campaigns (id) on delete cascade,
    entry_key   varchar(200) not null,
    constraint campaign_activity_keys_uq unique (tenant_id, entry_key)
);
