-- Email campaigns (a message to an audience, inside a Flightdeck campaign whose approvals gate it) and their send
-- ledger: one row per (email campaign, contact) under a unique key, written before anything leaves, so a pause, a
-- crash or a retry can never send a person the same message twice, and the rows left unsent are the "not reached".
create table email_campaigns (
    id                uuid not null primary key,
    tenant_id         uuid not null references workspaces (id),
    campaign_id       uuid not null,
    name              varchar(200) not null,
    subject           varchar(300) not null,
    preheader         varchar(300),
    html              text not null,
    template_id       varchar(64),
    list_ids          json not null,
    segment_id        uuid,
    status            varchar(20) not null,
    scheduled_at      timestamp with time zone,
    recipient_zone    boolean not null,
    local_time        varchar(19),
    fallback_zone     varchar(64),
    blockers          json not null,
    started_at        timestamp with time zone,
    finished_at       timestamp with time zone,
    created_by        uuid not null,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           bigint not null
);
create index email_campaigns_campaign on email_campaigns (tenant_id, campaign_id);
create index email_campaigns_status on email_campaigns (tenant_id, status);

-- State: QUEUED (not yet left), HANDED_OVER (committed just before the server was given the end of the message:
-- never sent again), SENT (the server said so), DELIVERED, BOUNCED, COMPLAINED (the provider's events), FAILED
-- (refused for good, or out of attempts) and SKIPPED (suppressed when its turn came).
create table email_recipients (
    id                 uuid not null primary key,
    tenant_id          uuid not null references workspaces (id),
    email_campaign_id  uuid not null references email_campaigns (id) on delete cascade,
    contact_id         uuid not null references email_contacts (id) on delete cascade,
    address            varchar(320) not null,
    variant            varchar(1),
    state              varchar(20) not null,
    attempts           int not null,
    next_attempt_at    timestamp with time zone not null,
    error              varchar(500),
    permanent          boolean not null,
    provider_id        varchar(200),
    handed_over_at     timestamp with time zone,
    sent_at            timestamp with time zone,
    unsubscribed_at    timestamp with time zone,
    updated_at         timestamp with time zone not null,
    constraint email_recipients_once unique (email_campaign_id, contact_id)
);
create index email_recipients_due on email_recipients (email_campaign_id, state, next_attempt_at);
create index email_recipients_contact on email_recipients (contact_id);

-- Opens and clicks by email, for its numbers; and by contact alone, so erasing a person finds their rows at once.
create index email_engagements_send on email_engagements (tenant_id, send_id, kind);
create index email_engagements_contact_only on email_engagements (contact_id);
