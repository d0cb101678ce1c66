-- Blacklist collections: persons enrolled from photos, each photo's face embedding computed once and kept.
create table face_collection (
    id            uuid primary key,
    company_id    uuid not null references company (id),
    alias         varchar(255) not null,
    time_created  timestamp(6) with time zone not null,
    time_updated  timestamp(6) with time zone not null
);
create index face_collection_company on face_collection (company_id);

create table person (
    id             uuid primary key,
    collection_id  uuid not null references face_collection (id) on delete cascade,
    company_id     uuid not null,
    meta_data      varchar(100000) not null,
    time_created   timestamp(6) with time zone not null,
    time_updated   timestamp(6) with time zone not null
);
create index person_collection on person (collection_id);

-- embedding: 512 float32 little-endian, base64 (portable text)
create table person_image (
    id             uuid primary key,
    person_id      uuid not null references person (id) on delete cascade,
    collection_id  uuid not null,
    company_id     uuid not null,
    original_name  varchar(255) not null,
    content_type   varchar(100) not null,
    storage_key    varchar(512) not null,
    embedding      varchar(4000) not null,
    time_created   timestamp(6) with time zone not null
);
create index person_image_person on person_image (person_id);
create index person_image_company on person_image (company_id);

-- Bumped with every change to a company's enrolled faces, so that each instance knows when its in-memory index is stale.
alter table company add column faces_version bigint default 0 not null;
