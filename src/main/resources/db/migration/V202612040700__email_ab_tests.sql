-- An email's A/B test: variants B to D of its subject, preheader and, or, body (A is the email itself), the share of
-- the audience in the test, how a winner is judged and when; then what was decided. The ledger's rows of the people
-- outside the test wait in state HELD, without a variant, until the winner (or variant A, or a person's pick) is
-- theirs.
create table email_ab_tests (
    id                   uuid not null primary key,
    tenant_id            uuid not null references workspaces (id),
    email_campaign_id    uuid not null references email_campaigns (id) on delete cascade,
    variants             json not null,
    test_share           int not null,
    metric               varchar(12) not null,
    goal_url             varchar(2000),
    minimum_sample       int not null,
    confidence           double precision not null,
    if_inconclusive      varchar(20) not null,
    decide_after_minutes int not null,
    decide_at            timestamp with time zone,
    outcome              varchar(20),
    winner               varchar(1),
    reason               varchar(2000),
    warnings             json not null,
    decided_at           timestamp with time zone,
    updated_at           timestamp with time zone not null,
    version              bigint not null,
    constraint email_ab_tests_one unique (email_campaign_id)
);

-- A variant's successes look up each row's engagements.
create index email_engagements_recipient on email_engagements (recipient_id, kind);
