-- When a draft email is meant to go out, before anyone schedules it: what a campaign started from a template gets
-- (the template's send time moved to the new start). Planning only: nothing is sent until a person schedules it.
alter table email_campaigns add column planned_send_at timestamp with time zone;
