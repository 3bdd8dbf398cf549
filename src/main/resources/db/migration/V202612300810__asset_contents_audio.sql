-- Media preflight per network (issue 50): whether a video has an audio track, which some networks require. Null for
-- other media, and for videos measured before this column (the next measurement fills it).
alter table asset_contents add column has_audio boolean;
