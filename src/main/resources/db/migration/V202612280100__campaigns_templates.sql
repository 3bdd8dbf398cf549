-- Campaign templates (issue 48, seed 003 phase 10): a campaign's shape kept to start the next one from. The campaign's
-- own fields are columns; what other modules add (strategy, tasks, creatives, emails...) is a part each, written and
-- read whole as JSON by the module that owns it, with dates as days from the campaign's start. A template never
-- carries approvals, sends, published posts or numbers.
create table campaign_templates (
    id                 uuid not null primary key,
    tenant_id          uuid not null references workspaces (id),
    name               varchar(160) not null,
    description        varchar(2000),
    category           varchar(60) not null,
    visibility         varchar(16) not null,
    owner_id           uuid not null references users (id),
    source_campaign_id uuid,
    campaign_type      varchar(32) not null,
    brief              varchar(4000),
    objective          varchar(1000),
    priority           varchar(16) not null,
    duration_days      integer,
    budget_amount      decimal(14, 2),
    budget_currency    varchar(3),
    uses               integer not null,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    deleted_at         timestamp with time zone,
    version            bigint not null,
    constraint campaign_templates_visibility check (visibility in ('WORKSPACE', 'PRIVATE'))
);
create index campaign_templates_tenant_category on campaign_templates (tenant_id, category, name);

create table campaign_template_channels (
    template_id uuid not null references campaign_templates (id) on delete cascade,
    channel     varchar(32) not null,
    primary key (template_id, channel)
);

create table campaign_template_tags (
    template_id uuid not null references campaign_templates (id) on delete cascade,
    tag         varchar(60) not null,
    primary key (template_id, tag)
);

create table campaign_template_parts (
    template_id uuid not null references campaign_templates (id) on delete cascade,
    part        varchar(20) not null,
    content     text not null,
    summary     varchar(300) not null,
    primary key (template_id, part)
);
