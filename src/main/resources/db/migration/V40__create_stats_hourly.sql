-- Confirmed signatures per campaign, hour and country, for the charts (module stats). The hour is counted in
-- hours since 1970-01-01T00:00Z (UTC), so no database's time zone can shift it. Spread over shards like
-- signature_count: every confirmation of an hour writes one of its rows. Kept in the confirming transaction,
-- moved by the erasing one (an erased signature keeps only its day: it moves to the day's first hour), and
-- reconciled against signature on a timer, which also folds the shards of past hours into shard 0.
create table stats_hourly (
    campaign_id bigint   not null references campaign (id),
    hour_utc    bigint   not null,
    country     char(2)  not null,
    shard       smallint not null,
    n           bigint   not null,
    primary key (campaign_id, hour_utc, country, shard)
);

-- Signatures confirmed before this table existed.
insert into stats_hourly (campaign_id, hour_utc, country, shard, n)
select campaign_id, h, country, 0, count(*)
  from (select campaign_id, cast(floor(extract(epoch from confirmed_at) / 3600) as bigint) as h, country
          from signature where status = 'CONFIRMED' and confirmed_at is not null) s
 group by campaign_id, h, country;
