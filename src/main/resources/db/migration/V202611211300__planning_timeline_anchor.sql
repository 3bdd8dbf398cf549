-- The first day a timeline was generated for: recalculation lays unpinned tasks out from it, so pinning one task
-- earlier no longer drags the others with it, and unpinning it brings the plan's start back.
alter table timelines add column anchor_date date;
update timelines set anchor_date = start_date;
