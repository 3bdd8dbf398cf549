-- A replayed create answers with the same ETag as the first answer.
alter table idempotency_keys add column etag varchar(100);
