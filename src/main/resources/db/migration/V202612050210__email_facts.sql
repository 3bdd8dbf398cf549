-- An email send's numbers flow to analytics as metric facts (issue 28): when each send was last looked at, and the
-- indexes that find the sends changed since.
alter table email_campaigns add column facts_synced_at timestamp with time zone;
create index email_recipients_changed on email_recipients (email_campaign_id, updated_at);
create index email_engagements_send_time on email_engagements (send_id, occurred_at);
