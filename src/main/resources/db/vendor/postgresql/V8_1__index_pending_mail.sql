-- The mail worker claims the oldest pending mails: an index of pending ids only, so a claim reads a few
-- rows however many mails were sent before or wait behind (the benchmark found a claim reading the whole
-- backlog). PostgreSQL only: H2 has no partial indexes, and its embedded use never sees such a backlog.
create index mail_outbox_pending on mail_outbox (id) where status = 'PENDING';
