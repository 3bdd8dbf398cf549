-- The rows one request wrote (or one transaction, outside a request) share a change set, so the log can show one
-- entry per request with its changes. Earlier rows are grouped by their request id where they have one.
alter table audit_log add column change_set varchar(64);
update audit_log set change_set = coalesce(request_id, cast(id as varchar(64)));
alter table audit_log alter column change_set set not null;
create index audit_log_tenant_change_set_idx on audit_log (tenant_id, change_set);
