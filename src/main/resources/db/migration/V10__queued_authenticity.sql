-- Audio authenticity tasks are queued: the audio waits in the store, the scores come later.
alter table authenticity_task add column state varchar(16) default 'done' not null;
alter table authenticity_task add column storage_key varchar(512);
alter table authenticity_task add column error varchar(1000);
alter table authenticity_task alter column result drop not null;
