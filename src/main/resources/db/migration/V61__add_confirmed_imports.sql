-- Issue 12: an admin may allow a staff key to import signatures as already confirmed (no opt-in mail); a
-- signature imported so is marked, so that no thank-you mail follows and the record says how it was confirmed.
alter table api_key add column imports_confirmed boolean default false not null;
alter table signature add column imported boolean default false not null;
