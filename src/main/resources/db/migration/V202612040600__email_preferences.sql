-- Whether a contact's unsubscribe was their own doing (the link in an email or the preference centre). Only then may
-- they subscribe again themselves in the preference centre; a member's unsubscribe, a bounce or a complaint stays.
alter table email_contacts add column unsubscribed_by_contact boolean default false not null;
