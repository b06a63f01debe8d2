package cn.luoshi.enterprise;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * An enterprise's objection to its published result (异议), and the office's decision: re-scored with corrected
 * inputs under the run's rule and grade boundaries, or rejected.
 */
public record PerMuObjection(long id, long runId, long enterpriseId, String enterpriseName, String reason,
                             Status status, String filedBy, OffsetDateTime filedAt, PerMuInputs correctedInputs,
                             BigDecimal score, String grade, List<PerMuLine> explanation, String decidedBy,
                             OffsetDateTime decidedAt, String note, int version) {

    public enum Status { FILED, RESCORED, REJECTED }
}
