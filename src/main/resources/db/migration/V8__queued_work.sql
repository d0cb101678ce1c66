-- The job queue also carries the queued work of the other contracts: its kind and the id of what it works on.
alter table analysis_job add column kind varchar(32) default 'FOLDER' not null;
alter table analysis_job add column subject_id uuid;
alter table analysis_job alter column folder_id drop not null;

-- A video-detect submission keeps its video in the store until it has been judged.
alter table video_submission add column storage_key varchar(512);
