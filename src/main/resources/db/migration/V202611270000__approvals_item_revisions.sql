-- An item under review carries the revision of its subject (a creative's version, a post's revision); every revision
-- an approval approved is kept, so a post carrying an approved revision may go out while a newer one waits.
alter table approvals add column subject_revision integer;

create table approval_approved_revisions (
    approval_id uuid    not null references approvals (id),
    revision    integer not null,
    constraint approval_approved_revisions_pk primary key (approval_id, revision)
);
