-- Numbers entered by hand on a campaign space reach analytics as facts (issue 45), and an import that replaces them
-- says so. performance_entered_at: when the space's totals were last entered by hand, null once an import's numbers
-- replaced them (or when they never were). replaced_entered: what an import replaced, in words, on the import.
alter table campaign_spaces add column performance_entered_at timestamp with time zone;
alter table campaign_spaces add column performance_entered_by uuid;
alter table asset_imports add column replaced_entered varchar(500);
