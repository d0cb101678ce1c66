-- Portable SQL (H2 and PostgreSQL): JSON documents are kept as text, times as timestamps with time zone.

create table company (
    id            uuid primary key,
    name          varchar(255) not null,
    time_created  timestamp(6) with time zone not null
);

create table app_user (
    id             uuid primary key,
    company_id     uuid not null references company (id),
    email          varchar(320) not null,
    password_hash  varchar(255) not null,
    role           varchar(32) not null,
    active         boolean not null,
    time_created   timestamp(6) with time zone not null,
    constraint app_user_email_unique unique (email)
);

create table access_token (
    token_hash    varchar(64) primary key,
    user_id       uuid not null references app_user (id),
    expires_at    timestamp(6) with time zone not null,
    revoked       boolean not null,
    time_created  timestamp(6) with time zone not null
);
create index access_token_user on access_token (user_id);

create table folder (
    id                   uuid primary key,
    company_id           uuid not null references company (id),
    user_id              uuid not null references app_user (id),
    resolution_endpoint  varchar(2048),
    resolution_status    varchar(32) not null,
    resolution_comment   varchar(4000) not null,
    system_resolution    varchar(32) not null,
    meta_data            varchar(1000000) not null,
    time_created         timestamp(6) with time zone not null,
    time_updated         timestamp(6) with time zone not null
);
create index folder_company_created on folder (company_id, time_created);

create table media (
    id                  uuid primary key,
    folder_id           uuid not null references folder (id) on delete cascade,
    company_id          uuid not null,
    media_key           varchar(255),
    original_name       varchar(255) not null,
    media_type          varchar(32) not null,
    content_type        varchar(100) not null,
    tags                varchar(10000) not null,
    info                varchar(10000) not null,
    meta_data           varchar(1000000) not null,
    storage_key         varchar(512) not null,
    thumb_key           varchar(512),
    image_id            uuid not null,
    size_bytes          bigint not null,
    sha256              varchar(64) not null,
    source_analysis_id  uuid,
    time_created        timestamp(6) with time zone not null,
    time_updated        timestamp(6) with time zone not null
);
create index media_folder on media (folder_id);

create table analysis (
    id                 uuid primary key,
    folder_id          uuid not null references folder (id) on delete cascade,
    company_id         uuid not null,
    group_id           uuid not null,
    type               varchar(32) not null,
    state              varchar(32) not null,
    resolution_status  varchar(32) not null,
    params             varchar(100000) not null,
    meta_data          varchar(1000000) not null,
    source_media       varchar(100000) not null,
    results_data       varchar(1000000),
    results_media      varchar(1000000) not null,
    error_code         varchar(64),
    error_message      varchar(2000),
    time_created       timestamp(6) with time zone not null,
    time_updated       timestamp(6) with time zone not null
);
create index analysis_folder on analysis (folder_id);
