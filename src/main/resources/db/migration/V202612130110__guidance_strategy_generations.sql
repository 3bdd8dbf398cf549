-- Strategy drafts guidance generated and saved as strategy versions (guidance, issue 30): which version, who asked,
-- which generator wrote it, and the evidence of what worked in past campaigns it was given (JSON, written and read
-- whole), so the page that shows the new version can say what it was based on.
create table guidance_strategy_generations (
    id               uuid primary key,
    tenant_id        uuid not null references workspaces (id),
    campaign_id      uuid not null,
    strategy_version integer not null,
    provider         varchar(100) not null,
    evidence         json not null,
    created_by       uuid not null,
    created_at       timestamp with time zone not null
);
create index guidance_strategy_generations_campaign on guidance_strategy_generations (tenant_id, campaign_id);
