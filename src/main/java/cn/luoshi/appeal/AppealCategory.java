package cn.luoshi.appeal;

/** A kind of appeal (要素保障: land, funding, power, permits, recruitment, policy…) with its SLA tier. */
public record AppealCategory(long id, String code, String name, String nameEn, String description, String keywords,
                             String groupName, String slaTier, Long defaultUnitId, int sortOrder, boolean active,
                             int version) {
}
