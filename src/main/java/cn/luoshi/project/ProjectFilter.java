package cn.luoshi.project;

import cn.luoshi.common.progress.StatusLight;

/**
 * Filters of the project list and summary; null means "any".
 *
 * @param unitId projects whose lead unit, location or park lies within this unit
 * @param plan   with {@code planYear}: the year's planned starts or completions (see {@link ProjectPlan})
 */
public record ProjectFilter(String q, ProjectCategory category, String programme, Long parkId, Long unitId,
                            ProjectStage stage, StatusLight light, ProjectPlan plan, Integer planYear) {

    public ProjectFilter(String q, ProjectCategory category, String programme, Long parkId, Long unitId,
                         ProjectStage stage, StatusLight light) {
        this(q, category, programme, parkId, unitId, stage, light, null, null);
    }

    public static ProjectFilter none() {
        return new ProjectFilter(null, null, null, null, null, null, null);
    }
}
