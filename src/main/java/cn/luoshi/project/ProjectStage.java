package cn.luoshi.project;

/** Where a project stands: 前期 → 开工 → 在建 → 竣工 → 投产. */
public enum ProjectStage {
    PREPARATION, STARTED, CONSTRUCTION, COMPLETED, OPERATING;

    /** Built: nothing is behind any more, the light is green. */
    public boolean finished() {
        return this == COMPLETED || this == OPERATING;
    }
}
