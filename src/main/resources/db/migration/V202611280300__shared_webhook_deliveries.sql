-- The webhook kit's deliveries (shared.webhooks.WebhookDeliveries): one id per sender, remembered to drop resends.
-- Ids are the senders', across workspaces, so the table has no tenant_id. Replaces render_webhook_deliveries,
-- whose live rows move here with the provider's name as their source.
create table webhook_deliveries (
    source       varchar(60)  not null,
    delivery_id  varchar(200) not null,
    received_at  timestamp with time zone not null,
    primary key (source, delivery_id)
);

create index webhook_deliveries_received_idx on webhook_deliveries (received_at);

insert into webhook_deliveries (source, delivery_id, received_at)
select provider, delivery_id, received_at from render_webhook_deliveries;

drop table render_webhook_deliveries;
