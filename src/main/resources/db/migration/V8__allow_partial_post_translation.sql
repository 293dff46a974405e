-- A translation may leave any field empty, the title too: the reader then sees the original's.
alter table post_translation alter column title drop not null;
