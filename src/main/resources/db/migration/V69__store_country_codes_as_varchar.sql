-- Country codes as varchar(2), like target.country: a char(2) pads, and every reader had to trim (issue 9, item 4).
-- Every stored code is two letters, so no value changes.
alter table signature alter column country set data type varchar(2);
alter table signature_count alter column country set data type varchar(2);
alter table log_pending alter column country set data type varchar(2);
alter table log_leaf_of alter column country set data type varchar(2);
alter table stats_hourly alter column country set data type varchar(2);
alter table partner_consent alter column country set data type varchar(2);
alter table signature_source alter column country set data type varchar(2);
