-- The score that decided an analysis and the threshold it was held against: the review queue looks for scores close
-- to their threshold.
alter table analysis add column score double precision;
alter table analysis add column threshold double precision;

-- Operators' manual decisions on a folder or one of its analyses, never overwritten: the latest one stands.
create table operator_decision (
    id            uuid primary key,
    folder_id     uuid not null references folder (id) on delete cascade,
    analysis_id   uuid references analysis (id) on delete cascade,
    company_id    uuid not null,
    resolution    varchar(32) not null,
    comment       varchar(2000) not null,
    user_id       uuid not null,
    user_email    varchar(320) not null,
    time_created  timestamp(6) with time zone not null
);
create index operator_decision_folder on operator_decision (folder_id, time_created);
