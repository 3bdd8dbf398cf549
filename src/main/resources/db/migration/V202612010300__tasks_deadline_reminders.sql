-- The due date each reminder was last sent for: a task whose due date moves is reminded again for the new one.
alter table tasks add column due_soon_told date;
alter table tasks add column overdue_told date;
create index tasks_due_idx on tasks (tenant_id, due_date);
