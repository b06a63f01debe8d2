package cn.luoshi.task.internal;

import java.util.Collection;

import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.Role;

/**
 * What the signed-in user is to one task; the workflow's role rules read from here. Scope has already been checked
 * (a task outside it is not found), so a supervisor here is one whose region covers the task.
 *
 * @param leadHandler  经办人 of the lead unit
 * @param leadHead     负责人 of the lead unit
 * @param coUnitMember handler or head of one of the co-units
 */
public record Participation(LuoshiUser user, boolean supervisor, boolean leadHandler, boolean leadHead,
                            boolean coUnitMember, boolean leader) {

    static Participation of(LuoshiUser user, TaskRow task, Collection<Ref> coUnits) {
        boolean unitRole = user.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD);
        boolean ownUnitLeads = user.unitId() != null && user.unitId() == task.leadUnitId();
        boolean ownUnitCoOperates = user.unitId() != null
                && coUnits.stream().anyMatch(u -> u.id() == user.unitId());
        return new Participation(user, user.has(Role.SUPERVISOR), ownUnitLeads && user.has(Role.UNIT_HANDLER),
                ownUnitLeads && user.has(Role.UNIT_HEAD), unitRole && ownUnitCoOperates && !ownUnitLeads,
                user.has(Role.LEADER));
    }

    /** Handler or head of the lead unit (牵头单位). */
    boolean leadUnit() {
        return leadHandler || leadHead;
    }

    /** 负责人 of some unit: approves the reports its handlers file. */
    boolean unitHead() {
        return user.has(Role.UNIT_HEAD) && user.unitId() != null;
    }

    /** May file progress: the lead unit, or a co-unit on its part. */
    boolean reporter() {
        return leadUnit() || coUnitMember;
    }
}
