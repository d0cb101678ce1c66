-- The job queue also carries the work of the other contracts (kind, and the id of what it works on), and webhooks
-- also announce outcomes that are not folders.
alter table analysis_job add column kind varchar(32) default 'FOLDER' not null;
alter table analysis_job add column subject_id uuid;
alter table analysis_job alter column folder_id drop not null;
alter table webhook_delivery alter column folder_id drop not null;
