-- The alert on refused mail (issue 49) counts a workspace's recipients refused or bounced in the last hour, every
-- minute: an index on exactly that, so the count reads a few rows rather than the workspace's whole send history.
create index email_recipients_refusals on email_recipients (tenant_id, state, updated_at);
