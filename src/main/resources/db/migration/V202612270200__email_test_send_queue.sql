-- A test send an assistant asks for is queued (issue 47: its dry run must send nothing, so the mail leaves from a job
-- the committed request starts). Such a row is written WAITING, with no attempt yet, beside its job; the job checks it
-- again as the person who asked (whose address the "own address" rule needs, kept here), starts its one attempt in a
-- committed transaction, then sends. updated_at lets the orphan sweep find a waiting row that lost its job.
alter table email_test_sends add column requested_by_email varchar(320);
alter table email_test_sends add column updated_at timestamp with time zone;
update email_test_sends set updated_at = coalesce(sent_at, dead_at, created_at);
alter table email_test_sends alter column updated_at set not null;
