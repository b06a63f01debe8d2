-- The supervision office's home page counts the open appeals it flagged in its scope. They are a few among hundreds
-- of thousands, so the count reads this small index instead of the whole table (240 ms to 2 ms at province scale).
create index appeal_flagged_idx on appeal (dispatch_unit_id, responsible_unit_id)
    where supervisor_flag and status <> 'CLOSED';
