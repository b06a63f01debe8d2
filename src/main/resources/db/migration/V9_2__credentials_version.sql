-- Bumped whenever what a sign-in vouches for changes (roles, unit, scope, enterprise, status, password): a session
-- signed in under an older value is ended on its next request, on every node.
alter table app_user add column credentials_version int not null default 0;
