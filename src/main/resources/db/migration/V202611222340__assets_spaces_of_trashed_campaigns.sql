-- A space whose campaign is in the trash leaves the workspace's space lists until the campaign is restored. Kept
-- by the assets module from the campaigns' delete and restore events (modules do not join each other's tables).
alter table campaign_spaces add column campaign_in_trash boolean not null default false;
