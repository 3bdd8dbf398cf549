-- How a workspace's campaign mail leaves: the installation's SMTP transport (no row, or provider SMTP), or Mailjet or
-- SendGrid with the workspace's own keys. Keys and the Mailjet webhook's password are encrypted (SecretCipher) and
-- never shown again; the SendGrid verification key is public. webhook_token names the workspace in the event
-- webhooks' addresses (a webhook has no signed-in user), and is random, so an address cannot be guessed.
create table email_delivery_settings (
    id                        uuid not null primary key,
    tenant_id                 uuid not null references workspaces (id),
    provider                  varchar(20) not null,
    mailjet_api_key           varchar(600),
    mailjet_secret_key        varchar(600),
    sendgrid_api_key          varchar(600),
    sendgrid_verification_key varchar(1000),
    webhook_token             varchar(64) not null,
    webhook_password          varchar(600) not null,
    updated_at                timestamp with time zone not null,
    version                   bigint not null,
    constraint email_delivery_settings_one unique (tenant_id),
    constraint email_delivery_settings_token unique (webhook_token)
);

-- What the provider's events said became of a message (state keeps the latest: DELIVERED, BOUNCED or COMPLAINED), and
-- when; SENT keeps meaning handed to the provider, which answered with provider_id.
alter table email_recipients add column delivered_at timestamp with time zone;
alter table email_recipients add column bounced_at timestamp with time zone;
alter table email_recipients add column complained_at timestamp with time zone;
