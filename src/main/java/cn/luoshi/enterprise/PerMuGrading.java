package cn.luoshi.enterprise;

/** How a rule turns scores into grades A/B/C/D. */
public enum PerMuGrading {
    /** The cut-offs are minimum scores: score ≥ A-cut is A, ≥ B-cut is B, ≥ C-cut is C, else D. */
    SCORE,
    /** The cut-offs are cumulative shares from the top: the best A-cut share is A, up to the B-cut share B, … */
    PERCENTILE
}
