-- Mail a person is waiting for (a confirmation link) goes before notices. A claim reads, per priority, only
-- the due rows in the order it takes them: the index is (status, priority, next_attempt_at, id), and a
-- claimed row's next_attempt_at is moved to the end of its lease, so rows being sent or waiting for a retry
-- are not in the range a claim reads (docs/ARCHITECTURE.md, "Mail"; bench/mail-claims.sh measures it).
alter table mail_outbox add column priority smallint not null default 1;
drop index mail_outbox_due;
create index mail_outbox_due on mail_outbox (status, priority, next_attempt_at, id);
