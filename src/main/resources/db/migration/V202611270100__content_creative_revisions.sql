-- A creative's revision counts every change of what it would post (a part, its channels, a network's own text), so a
-- post records the exact version it carries and approvals tell an approved version from a newer one.
alter table creatives add column revision integer default 1 not null;

-- A network's own text for the creative, replacing the caption and hashtags there: what a person wrote for that network
-- (editing a post's copy for one network writes it here).
create table creative_channel_texts (
    creative_id uuid        not null references creatives (id) on delete cascade,
    channel     varchar(32) not null,
    body        text        not null,
    primary key (creative_id, channel)
);

-- The rendered sizes of the creative's current image, so each network gets the one that suits it.
create table creative_image_variants (
    creative_id uuid    not null references creatives (id) on delete cascade,
    position    integer not null,
    asset_id    uuid    not null references assets (id) on delete cascade,
    primary key (creative_id, position)
);
