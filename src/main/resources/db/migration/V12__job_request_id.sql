-- The request that queued a job: its id goes on the log lines of the job's analyses.
alter table analysis_job add column request_id varchar(128);
