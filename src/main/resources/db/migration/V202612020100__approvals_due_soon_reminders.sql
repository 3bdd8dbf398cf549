-- One "due soon" reminder per approval and stage opening: the key is the stage's opening time, so a stage opened
-- again (a new cycle, the next stage) is reminded again, and two nodes sweeping at once remind once.
create table approval_reminders (
    approval_id     uuid not null,
    stage_opened_at timestamp with time zone not null,
    tenant_id       uuid not null,
    reminded_at     timestamp with time zone not null,
    constraint approval_reminders_pk primary key (approval_id, stage_opened_at)
);
