package cn.luoshi.org;

/** What an org unit is: 行政区划, 部门, 园区 or 网格/流域单元. */
public enum OrgUnitKind {
    REGION, DEPARTMENT, PARK, GRID
}
