-- Folders in creation order across companies (staff's lists and exports walk them by time and id).
create index folder_created on folder (time_created, id);
