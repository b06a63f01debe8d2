package cn.luoshi.task.internal;

import java.util.ArrayList;
import java.util.List;

import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.task.Meeting;
import cn.luoshi.task.Meetings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The choices the task pages offer a user: units in its scope, leaders, meetings. */
@Component
class TaskFormOptions {

    private final OrgUnits units;
    private final Meetings meetings;
    private final JdbcClient jdbc;

    TaskFormOptions(OrgUnits units, Meetings meetings, JdbcClient jdbc) {
        this.units = units;
        this.meetings = meetings;
        this.jdbc = jdbc;
    }

    List<OrgUnit> units(LuoshiUser me) {
        return units.visible(me.scope(), false);
    }

    /** For a sub-task: the units in scope and, when the lead unit decomposes, the parent's co-units after them. */
    List<OrgUnit> subtaskUnits(LuoshiUser me, TaskDetail parent) {
        List<OrgUnit> choices = new ArrayList<>(units(me));
        if (!me.has(Role.SUPERVISOR)) {
            for (Ref co : parent.coUnits()) {
                if (choices.stream().noneMatch(u -> u.id() == co.id())) {
                    units.find(co.id()).filter(OrgUnit::active).ifPresent(choices::add);
                }
            }
        }
        return choices;
    }

    /**
     * Leaders who may be in charge of (包保) tasks the user sees: those of the user's region and of the regions above
     * it, since a city leader takes charge of a district's task, never of a neighbour's.
     */
    List<Ref> leaders(LuoshiUser me) {
        if (me.scope().isEnterprise() || me.scope().rootPath() == null && !me.scope().global()) {
            return List.of();
        }
        return jdbc.sql("""
                        select u.id, u.display_name from app_user u join user_role r on r.user_id = u.id
                        join org_unit lu on lu.id = u.unit_id
                        where r.role = 'LEADER' and u.enabled
                          and (lu.path like :scopePath or :root like lu.path || '%')
                        order by lu.depth, u.display_name""")
                .param("scopePath", me.scope().pathPattern())
                .param("root", me.scope().global() ? "/" : me.scope().rootPath())
                .query((rs, n) -> new Ref(rs.getLong(1), rs.getString(2))).list();
    }

    List<Meeting> meetings(LuoshiUser me) {
        return meetings.list(null, me, new Paging(0, Paging.MAX_SIZE)).content();
    }
}
