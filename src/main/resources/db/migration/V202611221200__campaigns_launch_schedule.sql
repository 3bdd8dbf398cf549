-- A launch scheduled for the campaign's start date: the date, and who scheduled it (the job launches as them).
-- The durable job itself is a db-scheduler row (task scheduled-launch, instance = campaign id).
alter table campaigns add column launch_scheduled_for date;
alter table campaigns add column launch_scheduled_by uuid;
