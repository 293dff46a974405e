-- When a campaign stopped taking signatures for good: the retention period of its signers' personal data
-- (keephope.signing.retention-after-close) runs from then. Campaigns closed before this column existed get
-- their last change as the closing time, the best the data can tell.
alter table campaign add column closed_at timestamp with time zone;

update campaign set closed_at = updated_at where status in ('CLOSED', 'DELIVERED');
