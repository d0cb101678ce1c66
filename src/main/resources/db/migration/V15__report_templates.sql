-- A company's report templates: a title, a logo (its bytes in the media store), the sections a report shows, a legal
-- text printed at its end and the language of its labels.
create table report_template (
    id            uuid primary key,
    company_id    uuid not null references company (id) on delete cascade,
    title         varchar(200) not null,
    logo_key      varchar(500),
    logo_type     varchar(100),
    sections      varchar(1000) not null,
    legal_text    varchar(20000) not null,
    language      varchar(8) not null,
    time_created  timestamp(6) with time zone not null
);
create index report_template_company on report_template (company_id, time_created);
