-- More networks (issue 50). network_ref: what the network named an attempt before its step that can duplicate (an
-- Instagram container, a TikTok publish_id, a Facebook video), committed before that step, so that after a crash the
-- look-up asks about exactly that. network_options: the post's choices for its network (a Reel rather than a feed post,
-- TikTok's privacy level and interaction switches), part of what goes out.
alter table channel_posts add column network_ref varchar(500);
alter table channel_posts add column network_options jsonb default '{}' not null;
