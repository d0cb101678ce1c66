-- A folder's queued analyses are one more kind of queued work: their subject is the job's analysis group, whose id is the job's.
UPDATE analysis_job SET subject_id = id WHERE kind = 'FOLDER' AND subject_id IS NULL;
