-- Meta's webhooks (issue 50): when a network says a post Flightdeck published was removed there, the post keeps its
-- published state (it did go out) and records when the network said so; the post's page shows it.
alter table channel_posts add column removed_from_network_at timestamp with time zone;
