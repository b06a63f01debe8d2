-- Statistics at province scale: appeals that are settled (closed after being signed for and answered) no longer
-- change with time, so their counts are kept per month, dispatching office, responsible unit and category. The
-- statistics add these few rows for whole months to a live count of everything else (open appeals, the partial
-- months at the period's edges). A trigger keeps the summary exact on every insert, update and delete.

-- The zone months are reckoned in; Luoshi writes its configured zone here on start (and rebuilds when it changes).
create table appeal_stat_zone (
    id   int primary key check (id = 1),
    zone varchar(64) not null
);
insert into appeal_stat_zone (id, zone) values (1, 'Asia/Shanghai');

create table appeal_settled_month (
    month               date   not null,
    dispatch_unit_id    bigint not null,
    responsible_unit_id bigint not null,
    category_id         bigint not null,
    total               int    not null,
    accepted_on_time    int    not null,
    answered_on_time    int    not null,
    countable           int    not null,
    resolved            int    not null,
    rated               int    not null,
    satisfied           int    not null,
    primary key (month, dispatch_unit_id, responsible_unit_id, category_id)
);

create function appeal_settled_add(r appeal, sign int) returns void language plpgsql as $$
begin
    if r.status <> 'CLOSED' or r.accepted_at is null or r.answered_at is null or r.dispatched_at is null
       or r.responsible_unit_id is null then
        return;
    end if;
    insert into appeal_settled_month as s (month, dispatch_unit_id, responsible_unit_id, category_id, total,
        accepted_on_time, answered_on_time, countable, resolved, rated, satisfied)
    values (date_trunc('month', r.submitted_at at time zone (select zone from appeal_stat_zone where id = 1))::date,
        r.dispatch_unit_id, r.responsible_unit_id, r.category_id, sign,
        case when r.accepted_at <= r.accept_due_at then sign else 0 end,
        case when r.answered_at <= r.answer_due_at then sign else 0 end,
        case when coalesce(r.close_reason, '') not in ('WITHDRAWN', 'DUPLICATE') then sign else 0 end,
        case when r.close_reason in ('RATED', 'NO_RATING', 'UNSATISFIED_AGAIN') then sign else 0 end,
        case when r.rating is not null then sign else 0 end,
        case when r.rating in ('SATISFIED', 'BASICALLY_SATISFIED') then sign else 0 end)
    on conflict (month, dispatch_unit_id, responsible_unit_id, category_id) do update set
        total = s.total + excluded.total,
        accepted_on_time = s.accepted_on_time + excluded.accepted_on_time,
        answered_on_time = s.answered_on_time + excluded.answered_on_time,
        countable = s.countable + excluded.countable,
        resolved = s.resolved + excluded.resolved,
        rated = s.rated + excluded.rated,
        satisfied = s.satisfied + excluded.satisfied;
end $$;

create function appeal_settled_track() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        perform appeal_settled_add(old, -1);
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        perform appeal_settled_add(new, 1);
    end if;
    return null;
end $$;

create trigger appeal_settled_track after insert or update or delete on appeal
    for each row execute function appeal_settled_track();

-- What the live part reads: appeals not settled yet, by filing time.
create index appeal_unsettled_idx on appeal (submitted_at)
    where status <> 'CLOSED' or accepted_at is null or answered_at is null or dispatched_at is null
          or responsible_unit_id is null;
