-- Multi-format deepfake analyses: their outcome only; the file is not kept.
create table deepfake_analysis (
    id                    uuid primary key,
    company_id            uuid not null references company (id),
    user_id               uuid not null,
    file_name             varchar(512),
    file_type             varchar(16) not null,
    external_id           varchar(255),
    callback_url          varchar(2048),
    verdict               varchar(16) not null,
    confidence            double precision,
    deepfake_probability  double precision,
    message               varchar(1000) not null,
    details               varchar(1000000) not null,
    created_at            timestamp(6) with time zone not null,
    completed_at          timestamp(6) with time zone not null
);

create index deepfake_analysis_company on deepfake_analysis (company_id);

-- Webhooks now also notify of analyses that are not folders.
alter table webhook_delivery alter column folder_id drop not null;
