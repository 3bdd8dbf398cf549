-- Success prediction in the product (guidance, issue 30). A campaign's objective: a metric analytics can answer, a
-- target number and, for money, a currency; one per campaign, with who set it and when.
create table guidance_objectives (
    id           uuid primary key,
    tenant_id    uuid not null references workspaces (id),
    campaign_id  uuid not null,
    metric       varchar(20) not null,
    target       decimal(20, 4) not null,
    currency     varchar(3),
    set_by       uuid not null,
    set_at       timestamp with time zone not null,
    version      bigint not null,
    constraint guidance_objectives_campaign unique (tenant_id, campaign_id)
);

-- Every prediction made, with what it was made from (the features and the objective as JSON, read and written whole),
-- its answer, the range of the objective's metric that similar past campaigns achieved, and, once the campaign is
-- scored, what happened. inputs_hash says whether anything changed since the campaign's last prediction of the day.
create table guidance_predictions (
    id             uuid primary key,
    tenant_id      uuid not null references workspaces (id),
    campaign_id    uuid not null,
    predicted_at   timestamp with time zone not null,
    predicted_on   date not null,
    inputs_hash    varchar(64) not null,
    features       json not null,
    metric         varchar(20),
    target         decimal(20, 4),
    currency       varchar(3),
    method         varchar(20) not null,
    likelihood     integer,
    low            integer,
    high           integer,
    history_size   integer not null,
    factors        json not null,
    formula        varchar(200),
    explanation    varchar(1000) not null,
    range_low      decimal(20, 4),
    range_high     decimal(20, 4),
    range_from     integer not null,
    achieved       decimal(20, 4),
    met            boolean,
    scored_at      timestamp with time zone,
    version        bigint not null
);
create index guidance_predictions_campaign on guidance_predictions (tenant_id, campaign_id, predicted_at);

-- A finished campaign's outcome: its features at the end, its objective, what it achieved through its end date and
-- whether that met the target. achieved and met stay empty while analytics has no figure for the metric; settled is
-- set once the late-numbers window after the end has passed, after which the sweep leaves the outcome alone.
create table guidance_outcomes (
    id            uuid primary key,
    tenant_id     uuid not null references workspaces (id),
    campaign_id   uuid not null,
    ended_on      date not null,
    features      json not null,
    metric        varchar(20),
    target        decimal(20, 4),
    currency      varchar(3),
    achieved      decimal(20, 4),
    met           boolean,
    completed_at  timestamp with time zone not null,
    scored_at     timestamp with time zone,
    settled       boolean not null,
    version       bigint not null,
    constraint guidance_outcomes_campaign unique (tenant_id, campaign_id)
);
create index guidance_outcomes_unsettled on guidance_outcomes (settled, tenant_id);
