-- A form sent again for an address whose signature still waits for confirmation must not change what that
-- signature says (name shown, comment, mailing list, country) until the owner of the address confirms it.
-- The new choices wait here, encrypted as one blob (Tink AEAD, bound to the row), with a link of their own;
-- confirming that link applies them. change_token_hash stays after use, so the used link still answers.
alter table signature add column change_enc bytea;
alter table signature add column change_token_hash bytea;
alter table signature add column change_expires_at timestamp with time zone;

create index signature_change_token on signature (change_token_hash);
