-- Separation of duties: the member who requested a review may not approve it (on by default)
alter table approval_settings add column separate_duties boolean default true not null;

-- The strategy version a strategy approval last approved, so the next review shows what changed since
alter table approvals add column approved_strategy_version integer;
