-- An import first checked and shown (PREVIEW: nothing written), then written when the user confirms it. The
-- preview keeps the values it would change and the uploaded file until then.
alter table observation_import drop constraint observation_import_status_check;
alter table observation_import add constraint observation_import_status_check
    check (status in ('RUNNING', 'PREVIEW', 'DONE', 'REJECTED', 'FAILED'));
alter table observation_import add column changes_json text;
alter table observation_import add column pending_file varchar(500);
