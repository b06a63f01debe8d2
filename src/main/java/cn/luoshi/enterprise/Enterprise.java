package cn.luoshi.enterprise;

import java.math.BigDecimal;

/**
 * An enterprise of the register.
 *
 * @param creditCode      统一社会信用代码 (18 characters, check character verified)
 * @param industryCode    GB/T 4754 国民经济行业分类 code, e.g. C3411
 * @param regionId        the region it is registered in
 * @param parkId          the park (园区/工业集中区) it sits in, if any
 * @param competentUnitId its competent department (行业主管部门), e.g. 工信局, if any
 * @param aboveScale      规模以上工业企业
 * @param specialised     专精特新
 * @param landMu          land in use, in mu (亩)
 */
public record Enterprise(long id, String creditCode, String name, String industryCode, long regionId,
                         String regionName, Long parkId, String parkName, Long competentUnitId,
                         String competentUnitName, boolean aboveScale, boolean specialised, boolean listed,
                         BigDecimal landMu, int version) {

    /** The unit the enterprise belongs to for scope and audit: its park when it has one, else its region. */
    public long homeUnitId() {
        return parkId != null ? parkId : regionId;
    }
}
