-- A reaction keeps what the recommendation said when a person reacted (issue 45): the card listed snoozed items by
-- rule id and target id ("Snoozed: pacing-off-plan (01a2…)"), which nobody can read. Older reactions have none and
-- are described from their rule and target.
alter table guidance_reactions add column title varchar(300);
alter table guidance_reactions add column target_name varchar(200);
