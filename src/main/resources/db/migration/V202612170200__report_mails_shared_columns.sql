-- A scheduled report's mail rows name their columns as every other outgoing ledger does (shared/outbound/Attempts,
-- notification_deliveries): the key the mail carries to the transport is idempotency_key, and why it was not sent is
-- last_error.
alter table analytics_report_mails rename column mail_key to idempotency_key;
alter table analytics_report_mails rename column detail to last_error;
