-- The home page lists the signed-in member's own campaigns that are blocked or at risk.
create index campaigns_tenant_owner_status_idx on campaigns (tenant_id, owner_id, status);
