-- Staff passkeys (WebAuthn), a second factor beside TOTP. The tables and columns are the ones Spring Security's
-- JdbcPublicKeyCredentialUserEntityRepository and JdbcUserCredentialRepository read and write (their schema
-- files, with bytea for blob so one file serves PostgreSQL and H2), plus a foreign key and indexes.
-- user_entities.name is the staff member's email, as in staff_user; a credential holds a public key (not a
-- secret), the authenticator's answer at enrolment and the member's label. No IP address, no supporter data.
create table user_entities (
    id           varchar(1000) not null primary key,
    name         varchar(320)  not null,
    display_name varchar(320)
);

create unique index user_entities_name on user_entities (name);

create table user_credentials (
    credential_id                varchar(1000) not null primary key,
    user_entity_user_id          varchar(1000) not null references user_entities (id) on delete cascade,
    public_key                   bytea         not null,
    signature_count              bigint,
    uv_initialized               boolean,
    backup_eligible              boolean       not null,
    authenticator_transports     varchar(1000),
    public_key_credential_type   varchar(100),
    backup_state                 boolean       not null,
    attestation_object           bytea,
    attestation_client_data_json bytea,
    created                      timestamp,
    last_used                    timestamp,
    label                        varchar(1000) not null
);

create index user_credentials_user on user_credentials (user_entity_user_id);
