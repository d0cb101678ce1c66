-- The video-detect contract: tenants (a company's slug, credits and metadata schema), scoped API keys, submissions.
create table video_tenant (
    company_id       uuid primary key references company (id),
    tenant_slug      varchar(64) not null,
    credits          bigint not null,
    metadata_schema  varchar(100000),
    time_updated     timestamp(6) with time zone not null,
    constraint video_tenant_slug_unique unique (tenant_slug)
);

create table api_key (
    id            uuid primary key,
    company_id    uuid not null references company (id),
    key_hash      varchar(64) not null,
    scopes        varchar(255) not null,
    revoked       boolean not null,
    time_created  timestamp(6) with time zone not null,
    constraint api_key_hash_unique unique (key_hash)
);

create table video_submission (
    id               uuid primary key,
    company_id       uuid not null references company (id),
    api_key_id       uuid not null references api_key (id),
    idempotency_key  varchar(255),
    status           varchar(16) not null,
    model            varchar(32) not null,
    input_source     varchar(16) not null,
    tenant_metadata  varchar(100000),
    result           varchar(100000),
    message          varchar(1000),
    error            varchar(1000),
    created_at       timestamp(6) with time zone not null,
    completed_at     timestamp(6) with time zone,
    storage_key      varchar(512),
    constraint video_submission_idempotency unique (api_key_id, idempotency_key)
);
