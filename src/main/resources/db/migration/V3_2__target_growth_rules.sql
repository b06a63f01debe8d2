-- How far the reported cumulative growth of a growth target (增长X%) may trail its target rate, in percentage
-- points, before the target's light turns yellow or red. One rule per region; the nearest ancestor's rule wins,
-- else the default of the code (0.5 and 2 points), as light_rule does for time-progress.
create table target_growth_rule (
    unit_id       bigint        primary key references org_unit (id),
    yellow_points numeric(5, 2) not null check (yellow_points >= 0),
    red_points    numeric(5, 2) not null check (red_points >= yellow_points and red_points <= 100)
);
