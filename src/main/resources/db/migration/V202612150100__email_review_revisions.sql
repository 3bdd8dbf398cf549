-- An email is an item of its campaign's content review, as a creative is (issue 45): approval is of one revision,
-- and a change to what its recipients would get (subject, preheader, body, an A/B variant, the sender, the audience)
-- makes a new revision that waits for its own approval. The fingerprint is the SHA-256 of exactly that, so the send
-- can tell that what leaves is the revision the approver saw, even after a change made outside the email (the
-- workspace's sender).
alter table email_campaigns add column revision integer default 1 not null;
alter table email_campaigns add column fingerprint varchar(64);
