-- An admin's switch that keeps every AI assistant (MCP) in the workspace to reading, whatever its key allows.
alter table workspaces add column assistants_read_only boolean not null default false;
