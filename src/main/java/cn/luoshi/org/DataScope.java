package cn.luoshi.org;

/**
 * What a user may see: the org units under {@code rootPath} (everything when global), or for an enterprise account
 * only the records of its own credit code. Queries apply it with {@link #unitFilter(String)} and the named
 * parameter {@code scopePath} bound to {@link #pathPattern()}, so the rule lives in SQL, not in after-the-fact
 * filtering.
 */
public record DataScope(Long rootUnitId, String rootPath, boolean global, String creditCode) {

    /** Matches no org unit at all (used for enterprise accounts). */
    private static final String NOTHING = "";

    public static DataScope everything() {
        return new DataScope(null, "/", true, null);
    }

    public static DataScope subtree(OrgUnit root) {
        return new DataScope(root.id(), root.path(), false, null);
    }

    public static DataScope enterprise(String creditCode) {
        return new DataScope(null, null, false, creditCode);
    }

    public static DataScope none() {
        return new DataScope(null, null, false, null);
    }

    public boolean isEnterprise() {
        return creditCode != null;
    }

    /** LIKE pattern for {@code org_unit.path}. */
    public String pathPattern() {
        if (global) {
            return "/%";
        }
        return rootPath == null ? NOTHING : rootPath + "%";
    }

    public boolean covers(OrgUnit unit) {
        return unit != null && covers(unit.path());
    }

    public boolean covers(String unitPath) {
        if (global) {
            return true;
        }
        return rootPath != null && unitPath != null && unitPath.startsWith(rootPath);
    }

    /**
     * SQL condition "the unit in {@code column} lies in scope"; bind {@code scopePath} to {@link #pathPattern()}.
     */
    public static String unitFilter(String column) {
        return column + " in (select su.id from org_unit su where su.path like :scopePath)";
    }
}
