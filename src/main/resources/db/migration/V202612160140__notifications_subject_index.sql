-- A failed post's alarm is settled when the post goes out (issue 45): every post published looks up the items told
-- of it, by its id, which the inbox's indexes (by recipient) do not serve.
create index notifications_subject_idx on notifications (tenant_id, subject_id);
