-- Audio authenticity tasks: their outcome only; the audio itself is not kept.
create table authenticity_task (
    id              uuid primary key,
    company_id      uuid not null references company (id),
    user_id         uuid not null,
    file_name       varchar(512),
    segment_start   double precision,
    segment_end     double precision,
    result          varchar(1000000) not null,
    time_created    timestamp(6) with time zone not null
);

create index authenticity_task_company on authenticity_task (company_id);
