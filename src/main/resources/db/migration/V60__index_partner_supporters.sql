-- A partner's API key pages through its confirmed supporters of a campaign by (confirmed_at, signature_id).
create index partner_supporter_feed on partner_supporter (organisation_id, campaign_id, confirmed_at, signature_id);
