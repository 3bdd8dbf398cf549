-- Issue 47: an assistant also creates a creative whose parts the generator writes, and refreshes a stale one, and
-- neither may reach the model provider inside its call (its dry run is rolled back). Both queue a request here like a
-- part's regeneration does: scope PART writes one part (component_kind names it), STALE_PARTS the parts a refresh
-- rewrites, EMPTY_PARTS the text parts a new creative's channels need that nobody wrote.
alter table creative_part_regenerations add column scope varchar(20) not null default 'PART';
alter table creative_part_regenerations alter column component_kind drop not null;
alter table creative_part_regenerations add constraint creative_part_regenerations_part_named
    check ((scope = 'PART') = (component_kind is not null));
