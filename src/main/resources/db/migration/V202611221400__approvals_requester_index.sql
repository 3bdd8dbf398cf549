-- The home page lists, for the signed-in member, the recent decisions on the approvals they requested.
create index approvals_tenant_requester_decided_idx on approvals (tenant_id, requested_by, decided_at);
