-- How an endpoint is posted to: Standard Webhooks (the signed event) or a Slack incoming webhook (the event as a
-- Slack message, to the channel the webhook was made for): routing the workspace's events to Slack channels.
alter table webhook_endpoints add column format varchar(10) default 'STANDARD' not null;
