-- More networks (issue 50). network_ref: what the network named an attempt before its step that can duplicate (an
-- Instagram container, a TikTok publish_id, a Facebook video id), committed before that step, so that after a crash the
-- look-up asks about exactly that. network_options: the post's choices for its network (a Reel rather than a feed post,
-- TikTok's privacy level and interaction switches), part of what goes out; null for a post that makes none. No default:
-- H2 would fill existing rows with the JSON string "{}" rather than an empty object.
alter table channel_posts add column network_ref varchar(500);
alter table channel_posts add column network_options jsonb;
