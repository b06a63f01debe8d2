package cn.luoshi.enterprise;

import java.math.BigDecimal;

/** What is filled in to register or correct an enterprise. */
public record EnterpriseDraft(String creditCode, String name, String industryCode, Long regionId, Long parkId,
                              Long competentUnitId, boolean aboveScale, boolean specialised, boolean listed,
                              BigDecimal landMu) {
}
