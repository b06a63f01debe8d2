-- The leader cockpit (领导驾驶舱): which main economic indicators (主要经济指标) a region shows, in its order. A region
-- without rows shows the set of the nearest region above it that has one, else the built-in default set. The
-- indicator is kept by its code (no foreign key into the indicator module, so modules stay separable).
create table cockpit_indicator (
    region_id      bigint      not null references org_unit (id),
    indicator_code varchar(40) not null,
    sort_order     int         not null,
    updated_at     timestamptz not null,
    updated_by     varchar(64) not null,
    primary key (region_id, indicator_code)
);

-- The cockpit lists the leaders' instructions (批示) of a month without reading every event of every task.
create index task_event_instruction_idx on task_event (occurred_at) where kind = 'INSTRUCTION';
