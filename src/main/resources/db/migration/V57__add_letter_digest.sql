-- A daily digest to a target instead of single letters (issue 10 item 5): once a day, within the target's window
-- and hours, one mail holds every letter queued to it. digest_ref names the letter whose outbox reference the
-- digest mail carries, so that a refusal of that mail bounces every letter in it.
alter table letter_sending add column digest boolean not null default false;

alter table letter add column digest_ref bigint;
