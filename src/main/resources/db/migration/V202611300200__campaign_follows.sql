-- Members who follow a campaign hear of its launch, pauses, posts, renders, strategy revisions and plan slips.
create table campaign_follows (
    id           uuid not null primary key,
    tenant_id    uuid not null references workspaces (id),
    campaign_id  uuid not null,
    member_id    uuid not null references users (id),
    created_at   timestamp with time zone not null,
    constraint campaign_follows_once unique (tenant_id, campaign_id, member_id)
);
