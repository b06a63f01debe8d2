-- Appeals and tasks report back to the problem they came from.
create index project_problem_appeal_idx on project_problem (appeal_id) where appeal_id is not null;
create index project_problem_task_idx on project_problem (task_id) where task_id is not null;
