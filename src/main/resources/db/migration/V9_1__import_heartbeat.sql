-- When the row was opened, by the database's own clock: an import still RUNNING whose runner holds no lock is
-- interrupted only once it is older than the moment between opening the row and taking the lock.
alter table observation_import add column opened_at timestamptz not null default now();
alter table observation_import alter column phase type varchar(12);
