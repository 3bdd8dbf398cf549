-- Numbers say where they came from (issue 45). The sandbox network invents its posts' numbers: from now on their
-- facts carry the source 'sandbox' instead of 'publishing', so analytics can mark them wherever they show and keep
-- them out of guidance. Facts the sandbox wrote before keep their numbers and take the new source here.
update analytics_facts set source = 'sandbox'
where source = 'publishing' and object_type = 'post'
  and object_id in (select cast(p.id as varchar(100)) from channel_posts p
                    join channel_accounts a on a.id = p.account_id where a.network = 'sandbox');

-- The demo workspace a newcomer is given: its numbers are all simulated, and guidance may learn from them there
-- (otherwise its prediction and recommendations would have nothing to show).
alter table workspaces add column demo boolean default false not null;
update workspaces set demo = true
where slug = 'northwind' and exists (select 1 from users u join memberships m on m.user_id = u.id
                                     where m.tenant_id = workspaces.id and u.email = 'demo@flightdeck.local');
