-- What an AI assistant using the key may do over MCP: the toolsets it sees (null: every toolset) and whether it only
-- reads. Both are chosen when the key is made, like its role ceiling.
alter table api_keys add column assistant_toolsets json;
alter table api_keys add column assistant_read_only boolean not null default false;
