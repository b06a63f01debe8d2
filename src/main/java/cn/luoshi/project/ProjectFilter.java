package cn.luoshi.project;

import cn.luoshi.common.progress.StatusLight;

/**
 * Filters of the project list and summary; null means "any".
 *
 * @param unitId projects whose lead unit, location or park lies within this unit
 */
public record ProjectFilter(String q, ProjectCategory category, String programme, Long parkId, Long unitId,
                            ProjectStage stage, StatusLight light) {

    public static ProjectFilter none() {
        return new ProjectFilter(null, null, null, null, null, null, null);
    }
}
