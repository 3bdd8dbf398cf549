-- A third format, SLACK_CHANNEL: a channel of the installed Slack app's workspace, kept in url as Slack's deep link
-- (slack://channel?team=T...&id=C...) and posted to by the app's bot. The name is longer than the column allowed.
alter table webhook_endpoints alter column format type varchar(20);
