-- Email counted honestly after a crash (issue 45): a message handed to the server and never confirmed may be sent
-- again at a person's request, and then its recipient may have it twice. The row keeps when that was done, so after
-- the second copy is sent it does not read plain "sent".
alter table email_recipients add column resent_at timestamp with time zone;
