-- Email a member gathers into a digest waits as a DIGEST delivery of its period (DAILY, WEEKLY) until the digest is
-- made; then it points at the digest (a notification of its own, once per member and period by its event key) and
-- the digest's delivery is the one that is sent.
alter table notification_deliveries add column digest_period varchar(10);
alter table notification_deliveries add column digest_id uuid;
create index notification_deliveries_digest_idx on notification_deliveries (status, tenant_id, recipient_id);
