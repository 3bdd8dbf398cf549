-- Metric facts (analytics module, issues 28 and 29): what each source measured per object and period, one row per
-- key, so a source writing its numbers again replaces them. A money metric carries its currency; a count has none.
-- An hour's period starts on its UTC hour; a day's is the reported date's midnight in UTC.
create table analytics_facts (
    tenant_id    uuid not null references workspaces (id),
    source       varchar(40) not null,
    object_type  varchar(40) not null,
    object_id    varchar(100) not null,
    metric       varchar(20) not null,
    granularity  varchar(5) not null,
    period_start timestamp with time zone not null,
    campaign_id  uuid,
    channel      varchar(40),
    fact_value   decimal(20, 4) not null,
    currency     varchar(3),
    updated_at   timestamp with time zone not null,
    constraint analytics_facts_key primary key (tenant_id, source, object_type, object_id, metric, granularity,
                                                period_start),
    constraint analytics_facts_granularity check (granularity in ('HOUR', 'DAY'))
);
-- rollups read a campaign's facts by period, and catch up on what changed since they last looked
create index analytics_facts_campaign on analytics_facts (tenant_id, campaign_id, period_start);
create index analytics_facts_changed on analytics_facts (updated_at);
