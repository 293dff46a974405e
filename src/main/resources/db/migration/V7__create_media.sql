-- Uploaded images, re-encoded on the way in so that no metadata (EXIF with GPS, XMP, comments) survives.
-- Served at /media/{id}.{ext}; the id is random so that unpublished images cannot be enumerated.
create table media (
    id           uuid         primary key,
    content_type varchar(40)  not null check (content_type in ('image/png', 'image/jpeg')),
    bytes        bytea        not null,
    width        integer      not null,
    height       integer      not null,
    created_at   timestamp with time zone not null,
    created_by   varchar(320) not null
);
