package cn.luoshi.project;

/** What kind of key project it is (项目类别). */
public enum ProjectCategory {
    /** 技改: technical renovation, e.g. the "122" projects. */
    TECH_RENOVATION,
    /** 基础设施. */
    INFRASTRUCTURE,
    /** 产业. */
    INDUSTRY,
    /** 民生实事. */
    LIVELIHOOD,
    /** 招商引资. */
    INVESTMENT_PROMOTION
}
