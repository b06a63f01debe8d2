package cn.luoshi.enterprise;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The scoring arithmetic of a rule, without a database. */
class PerMuRuleTest {

    static PerMuRule.Weighting w(PerMuIndicator indicator, int weight, String benchmark) {
        return new PerMuRule.Weighting(indicator, BigDecimal.valueOf(weight), new BigDecimal(benchmark),
                new BigDecimal("1.5"));
    }

    static final PerMuRule RULE = new PerMuRule(1, 1, "示例市", 2025, 1, "测试", PerMuGrading.SCORE,
            new BigDecimal("100"), new BigDecimal("80"), new BigDecimal("60"), List.of(
            w(PerMuIndicator.TAX_PER_MU, 30, "15"), w(PerMuIndicator.VALUE_ADDED_PER_MU, 20, "60"),
            w(PerMuIndicator.OUTPUT_PER_ENERGY, 20, "2.5"), w(PerMuIndicator.RD_RATIO, 10, "2.5"),
            w(PerMuIndicator.LABOUR_PRODUCTIVITY, 10, "30"), w(PerMuIndicator.EMISSIONS_PER_VALUE_ADDED, 10, "0.008")),
            null, null);

    static PerMuInputs inputs(String land, String revenue, String tax, String va, String energy, String rd,
                              Integer employees, String emissions) {
        return new PerMuInputs(dec(land), dec(revenue), dec(tax), dec(va), dec(energy), dec(rd), employees,
                dec(emissions));
    }

    static BigDecimal dec(String s) {
        return s == null ? null : new BigDecimal(s);
    }

    @Test
    void anEnterpriseExactlyAtEveryBenchmarkScoresOneHundred() {
        // 100 mu: tax 1500 (15/mu), VA 6000 (60/mu), energy 2400 (2.5), R&D 500 of 20000 (2.5%), 200 staff (30),
        // emissions 48 t (0.008 t per 10k yuan)
        var score = RULE.score(inputs("100", "20000", "1500", "6000", "2400", "500", 200, "48"));
        assertThat(score.total()).isEqualTo(100.0);
        assertThat(score.lines()).allSatisfy(l -> assertThat(l.normalised()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(1e-9)));
        assertThat(PerMuRule.gradeOf(score.total(), RULE.cutA(), RULE.cutB(), RULE.cutC())).isEqualTo("A");
    }

    @Test
    void eachIndicatorIsCappedAndLowerEmissionsScoreHigher() {
        var score = RULE.score(inputs("10", "20000", "1500", "6000", "100", "2000", 20, "0"));
        assertThat(score.lines()).allSatisfy(l -> {
            assertThat(l.normalised()).isEqualTo(1.5);
            assertThat(l.capped()).isTrue();
        });
        assertThat(score.total()).isEqualTo(150.0);
    }

    @Test
    void aMissingRatioForfeitsItsWeightAndMissingLandMeansNotRated() {
        var noEnergy = RULE.score(inputs("100", "20000", "1500", "6000", null, "500", 200, "48"));
        assertThat(noEnergy.total()).isEqualTo(80.0);
        assertThat(noEnergy.lines().get(2).raw()).isNull();
        assertThat(noEnergy.lines().get(2).contribution()).isZero();

        assertThat(RULE.score(inputs(null, "20000", "1500", "6000", "2400", "500", 200, "48")).notRated())
                .isEqualTo(PerMuScore.NO_LAND);
        assertThat(RULE.score(inputs("100", null, null, null, null, null, null, null)).notRated())
                .isEqualTo(PerMuScore.NO_FIGURES);
    }

    @Test
    void correctionsReplaceOnlyWhatTheyName() {
        PerMuInputs published = inputs("100", "20000", "1500", "6000", "2400", "500", 200, "48");
        PerMuInputs corrected = published.correctedBy(new PerMuInputs(null, null, new BigDecimal("3000"), null, null,
                null, null, null));
        assertThat(corrected.tax()).isEqualByComparingTo("3000");
        assertThat(corrected.landMu()).isEqualByComparingTo("100");
        assertThat(RULE.score(corrected).total()).isEqualTo(115.0);
    }
}
