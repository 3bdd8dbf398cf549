-- Channel mix (strategy, issue 30): each platform's share of the campaign's content in whole percent, adding up to
-- 100 when given; null for versions saved without one. JSON like the other lists, written and read whole.
alter table strategy_versions add column channel_mix json;
