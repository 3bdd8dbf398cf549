-- System alerts (issue 49): rules over the monitored metrics, and the alerts they open, per workspace.
--   alert_rules:   a metric, a comparison with a threshold, for how long it must hold, a severity; built-in rules
--                  carry a key (one each per workspace) and are switched off rather than deleted. breaching_since is
--                  when the condition began to hold, kept between evaluations so "for how long" survives a restart.
--   system_alerts: one per incident: OPEN, then ACKNOWLEDGED by a person, then RESOLVED by itself (the condition
--                  cleared) or by a person. At most one unresolved alert per rule (kept by the evaluator).
create table alert_rules (
    id               uuid not null primary key,
    tenant_id        uuid not null references workspaces (id),
    builtin_key      varchar(40),
    name             varchar(120) not null,
    metric           varchar(40) not null,
    comparison       varchar(8) not null,
    threshold        double precision not null,
    for_minutes      int not null,
    severity         varchar(16) not null,
    enabled          boolean not null,
    breaching_since  timestamp with time zone,
    last_value       double precision,
    evaluated_at     timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    version          bigint not null
);
create unique index alert_rules_builtin_idx on alert_rules (tenant_id, builtin_key);
create index alert_rules_enabled_idx on alert_rules (enabled, tenant_id);

create table system_alerts (
    id               uuid not null primary key,
    tenant_id        uuid not null references workspaces (id),
    rule_id          uuid not null references alert_rules (id) on delete cascade,
    rule_name        varchar(120) not null,
    metric           varchar(40) not null,
    severity         varchar(16) not null,
    status           varchar(16) not null,
    message          varchar(1000) not null,
    opened_value     double precision not null,
    last_value       double precision not null,
    opened_at        timestamp with time zone not null,
    acknowledged_at  timestamp with time zone,
    acknowledged_by  uuid references users (id),
    resolved_at      timestamp with time zone,
    resolved_by      uuid references users (id),
    version          bigint not null
);
create index system_alerts_tenant_opened_idx on system_alerts (tenant_id, opened_at desc, id);
create index system_alerts_rule_idx on system_alerts (rule_id, status);
