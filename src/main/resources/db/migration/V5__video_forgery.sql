-- Video forgery checks: their outcome and the client's request context; the video itself is not kept.
create table forgery_task (
    id               uuid primary key,
    company_id       uuid not null references company (id),
    user_id          uuid not null,
    source_filename  varchar(512),
    session_id       varchar(255),
    device_info      varchar(1000),
    geo_location     varchar(255),
    success          boolean not null,
    message          varchar(1000) not null,
    prediction       varchar(16),
    confidence       double precision,
    score            double precision,
    face_swap_score  double precision,
    replay_score     double precision,
    frames_analyzed  integer not null,
    received_at      timestamp(6) with time zone not null,
    completed_at     timestamp(6) with time zone not null
);

create index forgery_task_company on forgery_task (company_id);
