package cn.luoshi.enterprise;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.math.BigDecimal;
import java.util.List;

/**
 * One enterprise's result in a run: what it was computed from, the score and its explanation, grade and ranks; and,
 * when an objection was re-scored, the score and grade that now stand.
 *
 * @param rankInRegion rank among all rated enterprises of the run's region (1 = best)
 * @param rankInPark   rank among the rated enterprises of the same park; null outside parks
 */
public record PerMuResult(long runId, long enterpriseId, String creditCode, String name, Long parkId,
                          String parkName, PerMuInputs inputs, BigDecimal score, String grade, Integer rankInRegion,
                          Integer rankInPark, String notRated, List<PerMuLine> explanation, Long objectionId,
                          BigDecimal rescoredScore, String rescoredGrade) {

    /** The grade that stands: the re-scored one when an objection succeeded, else the published one. */
    @JsonProperty
    public String finalGrade() {
        return rescoredGrade != null ? rescoredGrade : grade;
    }
}
