-- Deepfake analyses are queued: a file waits in the store, the verdict comes later.
alter table deepfake_analysis add column status varchar(16) default 'completed' not null;
alter table deepfake_analysis add column storage_key varchar(512);
alter table deepfake_analysis alter column verdict drop not null;
alter table deepfake_analysis alter column message drop not null;
alter table deepfake_analysis alter column details drop not null;
alter table deepfake_analysis alter column completed_at drop not null;
