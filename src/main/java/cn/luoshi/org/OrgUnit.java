package cn.luoshi.org;

/**
 * A node of the hierarchy. {@code path} lists the ids from the root ({@code /1/5/23/}); a unit lies within another
 * exactly when its path starts with the other's.
 */
public record OrgUnit(long id, Long parentId, String code, String name, OrgUnitKind kind, String path, int depth,
                      int sortOrder, boolean active, int version) {

    public boolean isWithin(OrgUnit ancestor) {
        return path.startsWith(ancestor.path());
    }

    public boolean isRegion() {
        return kind == OrgUnitKind.REGION;
    }
}
