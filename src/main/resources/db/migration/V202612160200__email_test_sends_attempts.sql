-- Test sends keep their attempt in the shape every outgoing-message ledger shares (issue 46, shared/outbound/Attempts):
-- one attempt, begun when the row is written and committed before the mail is handed on; the reason stays in error.
alter table email_test_sends add column attempts int not null default 1;
alter table email_test_sends add column possible_duplicate boolean not null default false;
alter table email_test_sends add column next_attempt_at timestamp with time zone;
alter table email_test_sends add column sending_at timestamp with time zone;
alter table email_test_sends add column dead_at timestamp with time zone;
update email_test_sends set sending_at = created_at;
update email_test_sends set dead_at = created_at where state = 'FAILED';
