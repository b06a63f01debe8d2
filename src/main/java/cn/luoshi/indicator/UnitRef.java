package cn.luoshi.indicator;

import cn.luoshi.org.OrgUnit;

/** An org unit as statistics answers name it. */
public record UnitRef(long id, String code, String name) {

    public static UnitRef of(OrgUnit unit) {
        return new UnitRef(unit.id(), unit.code(), unit.name());
    }
}
