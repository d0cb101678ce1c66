-- Audio authenticity tasks: the audio waits in the store (storage_key) until scored, then only the outcome is kept.
create table authenticity_task (
    id              uuid primary key,
    company_id      uuid not null references company (id),
    user_id         uuid not null,
    file_name       varchar(512),
    segment_start   double precision,
    segment_end     double precision,
    state           varchar(16) not null,
    result          varchar(1000000),
    error           varchar(1000),
    storage_key     varchar(512),
    time_created    timestamp(6) with time zone not null
);

create index authenticity_task_company on authenticity_task (company_id);
