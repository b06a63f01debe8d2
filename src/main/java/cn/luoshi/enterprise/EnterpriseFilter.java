package cn.luoshi.enterprise;

/**
 * Filters of the enterprise list; null means "any".
 *
 * @param q        part of the name, or the credit code
 * @param unitId   enterprises whose region or park lies within this unit
 * @param industry a GB/T 4754 code prefix (C34 matches C3411)
 */
public record EnterpriseFilter(String q, Long unitId, String industry, Boolean aboveScale, Boolean specialised,
                               Boolean listed) {

    public static EnterpriseFilter none() {
        return new EnterpriseFilter(null, null, null, null, null, null);
    }
}
