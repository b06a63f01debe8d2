-- The statistics read only these columns of the period's appeals: an index holding them lets PostgreSQL answer
-- from the index alone (index-only scan) without visiting the wide appeal rows.
create index appeal_stats_idx on appeal (submitted_at)
    include (responsible_unit_id, dispatch_unit_id, category_id, status, dispatched_at, accepted_at, accept_due_at,
             answered_at, answer_due_at, close_reason, rating);
-- The list's status filter within a unit.
create index appeal_status_idx on appeal (status, submitted_at desc);
