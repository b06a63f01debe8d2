package cn.luoshi.enterprise;

import java.math.BigDecimal;
import java.util.List;

/** What is filled in to write a new rule version for a region and year. */
public record PerMuRuleDraft(Long regionId, Integer year, String name, PerMuGrading grading, BigDecimal cutA,
                             BigDecimal cutB, BigDecimal cutC, List<PerMuRule.Weighting> indicators) {
}
