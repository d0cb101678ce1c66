-- Fields of the Oz contract: user names and permission flags, and metadata on users, companies and collections.
alter table app_user add column middle_name varchar(255) default '' not null;
alter table app_user add column can_start_quality boolean default true not null;
alter table app_user add column can_start_biometry boolean default true not null;
alter table app_user add column can_start_collection boolean default true not null;
alter table app_user add column meta_data varchar(1000000) default '{}' not null;
alter table company add column meta_data varchar(1000000) default '{}' not null;
alter table face_collection add column meta_data varchar(1000000) default '{}' not null;
-- The creator of an analysis's folder, so that the analysis list is scoped like the folder list.
alter table analysis add column user_id uuid;
update analysis set user_id = (select f.user_id from folder f where f.id = analysis.folder_id);
alter table analysis alter column user_id set not null;
create index analysis_company_time on analysis (company_id, time_created);
