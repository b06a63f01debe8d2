-- Pages and scope queries read a region's whole subtree (3,200 units for a province) on nearly every request. The
-- application keeps the tree in memory and asks this one row whether it changed: every statement that changes
-- org_unit sets it to a new number from a sequence, so a change rolled back leaves a number nobody ever reads.
create sequence org_tree_change_seq;

create table org_tree_version (
    only_row    boolean primary key default true check (only_row),
    last_change bigint  not null
);

insert into org_tree_version (last_change) values (nextval('org_tree_change_seq'));

create function org_tree_changed() returns trigger language plpgsql as $$
begin
    update org_tree_version set last_change = nextval('org_tree_change_seq');
    return null;
end
$$;

create trigger org_unit_changed after insert or update or delete or truncate on org_unit
    for each statement execute function org_tree_changed();
