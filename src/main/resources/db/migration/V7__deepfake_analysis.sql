-- Multi-format deepfake analyses: the file waits in the store until analysed, then only the outcome is kept.
create table deepfake_analysis (
    id                    uuid primary key,
    company_id            uuid not null references company (id),
    user_id               uuid not null,
    file_name             varchar(512),
    file_type             varchar(16) not null,
    external_id           varchar(255),
    callback_url          varchar(2048),
    status                varchar(16) not null,
    verdict               varchar(16),
    confidence            double precision,
    deepfake_probability  double precision,
    message               varchar(1000),
    details               varchar(1000000),
    created_at            timestamp(6) with time zone not null,
    completed_at          timestamp(6) with time zone,
    storage_key           varchar(512)
);

create index deepfake_analysis_company on deepfake_analysis (company_id);
