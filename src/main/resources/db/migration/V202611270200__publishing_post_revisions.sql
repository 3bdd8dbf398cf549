-- A post carries a creative's revision on each channel (the text and media it sends are that revision's), and has a
-- revision of its own that a person's change moves on: the schedule review approves one revision of the post.
alter table channel_posts add column creative_id uuid;
alter table channel_posts add column creative_revision integer;
alter table social_posts add column revision integer default 1 not null;
