-- People's reactions to recommendations (guidance, issue 30): accepted, dismissed with a reason, or snoozed until a
-- date. A reaction is keyed on the campaign, the rule and the recommendation's target, never its wording, and keeps the
-- evidence's fingerprint from when it was made, so a dismissed recommendation comes back when its evidence changes.
-- until_at ends every reaction (a snooze's date, a dismissal's or acceptance's default time box); ended_at is set when
-- a later reaction to the same recommendation replaces it, or when it is undone (undone = true, left out of the
-- acceptance rates).
create table guidance_reactions (
    id           uuid primary key,
    tenant_id    uuid not null references workspaces (id),
    campaign_id  uuid not null,
    rule_id      varchar(60) not null,
    rule_version integer not null,
    target_type  varchar(40) not null,
    target_id    varchar(100) not null,
    reaction     varchar(10) not null,
    reason       varchar(500),
    fingerprint  varchar(64) not null,
    until_at     timestamp with time zone not null,
    created_by   uuid not null,
    created_at   timestamp with time zone not null,
    ended_at     timestamp with time zone,
    undone       boolean not null,
    version      bigint not null
);
create index guidance_reactions_campaign on guidance_reactions (tenant_id, campaign_id);
create index guidance_reactions_rule on guidance_reactions (tenant_id, rule_id);
