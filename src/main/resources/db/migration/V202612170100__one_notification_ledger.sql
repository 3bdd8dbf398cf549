-- The notifications module's two ledgers of what goes outside become one: a webhook message is a row of
-- notification_deliveries of kind WEBHOOK beside the members' deliveries (kind MEMBER), run by the one job kind
-- notification-delivery. Its message id (the webhook-id header) is the row's idempotency key. Columns only one kind
-- has are nullable; the check says which each kind needs.
alter table notification_deliveries add column kind varchar(10) default 'MEMBER' not null;
alter table notification_deliveries alter column kind drop default;
alter table notification_deliveries alter column notification_id drop not null;
alter table notification_deliveries alter column recipient_id drop not null;
alter table notification_deliveries alter column channel drop not null;
alter table notification_deliveries alter column source drop not null;
alter table notification_deliveries add column endpoint_id uuid references webhook_endpoints (id) on delete cascade;
alter table notification_deliveries add column event_type varchar(60);
alter table notification_deliveries add column event_key varchar(200);
alter table notification_deliveries add column payload text;
alter table notification_deliveries add column last_status integer;
alter table notification_deliveries add constraint notification_deliveries_event_once unique (endpoint_id, event_key);
alter table notification_deliveries add constraint notification_deliveries_kind check (
    (kind = 'MEMBER' and notification_id is not null and recipient_id is not null and channel is not null
        and source is not null and endpoint_id is null)
    or (kind = 'WEBHOOK' and endpoint_id is not null and event_type is not null and event_key is not null
        and payload is not null and notification_id is null));

insert into notification_deliveries (id, tenant_id, kind, endpoint_id, idempotency_key, event_type, event_key, payload,
        status, attempts, possible_duplicate, last_status, last_error, created_at, next_attempt_at, sending_at, sent_at,
        dead_at, updated_at, version)
select id, tenant_id, 'WEBHOOK', endpoint_id, message_id, event_type, event_key, payload, status, attempts,
       possible_duplicate, last_status, last_error, created_at, next_attempt_at, sending_at, sent_at, dead_at,
       updated_at, version
from webhook_messages;

create index notification_deliveries_endpoint_idx on notification_deliveries (endpoint_id, created_at desc);
drop table webhook_messages;

-- Executions waiting for a webhook message move to the one kind; its task data reads their messageId as the row's id.
update scheduled_tasks set task_name = 'notification-delivery' where task_name = 'webhook-message';
delete from scheduled_tasks where task_name = 'webhook-message-sweeper';
