-- Issue 14: the over-time chart marks the launch. When a campaign was first published (went live); a reopening
-- keeps it. Campaigns published before this column take the time of their first "campaign.publish" audit
-- entry, else (created live, as the demo is) their creation.
alter table campaign add column launched_at timestamp with time zone;

update campaign set launched_at = coalesce(
    (select min(a.at) from audit_entry a
      where a.action = 'campaign.publish' and a.object_type = 'campaign'
        and a.object_id = cast(campaign.id as varchar(120))),
    created_at)
 where status <> 'DRAFT';
