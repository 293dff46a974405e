-- Signatures. Email and name are encrypted (Tink AEAD); email_mac is a keyed MAC of the canonical email,
-- the only way to find a signature by its address. No IP address is stored.
create table signature (
    id                 uuid         primary key,
    campaign_id        bigint       not null references campaign (id),
    status             varchar(10)  not null check (status in ('PENDING', 'CONFIRMED')),
    email_mac          bytea,
    email_enc          bytea,
    name_enc           bytea,
    public_name        varchar(60),
    country            char(2)      not null,
    comment            varchar(500),
    comment_status     varchar(10)  not null check (comment_status in ('NONE', 'PENDING', 'APPROVED', 'REJECTED')),
    show_publicly      boolean      not null,
    keep_informed      boolean      not null,
    locale             varchar(8)   not null,
    consent_version    varchar(20)  not null,
    created_at         timestamp with time zone not null,
    confirmed_at       timestamp with time zone,
    erased_at          timestamp with time zone,
    confirm_token_hash bytea,
    confirm_expires_at timestamp with time zone,
    erase_token_hash   bytea,
    last_mail_at       timestamp with time zone
);

create unique index signature_dedup on signature (campaign_id, email_mac);
create index signature_confirm_token on signature (confirm_token_hash);
create index signature_erase_token on signature (erase_token_hash);
create index signature_public_list on signature (campaign_id, status, show_publicly, confirmed_at);
create index signature_pending_age on signature (status, created_at);

-- Confirmed signatures counted per campaign and country, spread over shards so that no single row is
-- written by every confirmation. Kept in the confirming transaction; reconciled against signature.
create table signature_count (
    campaign_id bigint   not null references campaign (id),
    country     char(2)  not null,
    shard       smallint not null,
    n           bigint   not null,
    primary key (campaign_id, country, shard)
);
