-- Video forgery checks are queued: the video waits in the store, the prediction comes later.
alter table forgery_task add column status varchar(16) default 'completed' not null;
alter table forgery_task add column storage_key varchar(512);
alter table forgery_task alter column completed_at drop not null;
