-- Search on several nodes (issue 49): with the Elasticsearch or OpenSearch backend, every change of an indexed entity
-- (or of one a search document embeds) is recorded here in the transaction that makes it. The node that wrote it
-- indexes it after the commit as before; the recurring job search-outbox, on any node, indexes each recorded entity
-- again from the database's current state and deletes the row. That repairs the index when a node died between its
-- commit and its index write, or when two nodes wrote the same document out of order. No foreign key to workspaces:
-- a row outlives nothing, the job deletes it within seconds.
create table search_outbox (
    id          uuid                     not null primary key,
    entity_name varchar(255)             not null,
    entity_id   uuid                     not null,
    tenant_id   uuid                     not null,
    created_at  timestamp with time zone not null
);
create index search_outbox_created_idx on search_outbox (created_at);
