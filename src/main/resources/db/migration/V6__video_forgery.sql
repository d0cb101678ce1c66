-- Video forgery checks: the client's request context and the outcome; the video waits in the store until checked.
create table forgery_task (
    id               uuid primary key,
    company_id       uuid not null references company (id),
    user_id          uuid not null,
    source_filename  varchar(512),
    session_id       varchar(255),
    device_info      varchar(1000),
    geo_location     varchar(255),
    status           varchar(16) not null,
    success          boolean not null,
    message          varchar(1000) not null,
    prediction       varchar(16),
    confidence       double precision,
    score            double precision,
    face_swap_score  double precision,
    replay_score     double precision,
    frames_analyzed  integer not null,
    received_at      timestamp(6) with time zone not null,
    completed_at     timestamp(6) with time zone,
    storage_key      varchar(512)
);

create index forgery_task_company on forgery_task (company_id);
