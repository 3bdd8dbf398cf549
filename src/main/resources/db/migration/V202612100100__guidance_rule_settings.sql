-- Recommendation rules switched on or off per workspace (guidance, issue 30). A rule without a row here is on or off as
-- its file under guidance/rules/ says (enabledByDefault); a row is a workspace's own choice and outlives a later change
-- of that default.
create table guidance_rule_settings (
    id         uuid primary key,
    tenant_id  uuid not null references workspaces (id),
    rule_id    varchar(60) not null,
    enabled    boolean not null,
    updated_by uuid not null,
    updated_at timestamp with time zone not null,
    version    bigint not null,
    constraint guidance_rule_settings_one_per_rule unique (tenant_id, rule_id)
);
