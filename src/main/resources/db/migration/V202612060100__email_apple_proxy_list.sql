-- Apple's proxy ranges (issue 28): this installation's copy of Apple's iCloud Private Relay egress list, which tells
-- opens by Apple Mail Privacy Protection from readers' own. Not a workspace's data: one job fetches it for everyone
-- and every node reads it from here. The last good list stays when a fetch fails; the failure is kept beside it.
create table email_proxy_lists (
    name         varchar(40) primary key,
    source       varchar(500),
    ranges       bytea,
    range_count  integer not null default 0,
    fetched_at   timestamp with time zone,
    attempted_at timestamp with time zone,
    error        varchar(1000)
);
insert into email_proxy_lists (name) values ('apple');
