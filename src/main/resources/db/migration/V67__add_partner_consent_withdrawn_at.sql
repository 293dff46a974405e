-- Issue 11 item 7: a supporter may withdraw one partner's consent from the link in their mails. The consent row
-- stays as evidence (what was shown, when it was ticked) and records when it was withdrawn (GDPR art. 7(3));
-- the partner's copy is deleted, and a withdrawn consent no longer counts for that partner.
alter table partner_consent add column withdrawn_at timestamp with time zone;
