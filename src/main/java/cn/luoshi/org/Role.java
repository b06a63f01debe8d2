package cn.luoshi.org;

/** The roles of DESIGN.md; a user may hold several. */
public enum Role {
    /** 主要领导: reads the cockpit and reports, writes instructions. */
    LEADER,
    /** 督查室: registers, assigns, reminds, reviews, publishes, assesses. */
    SUPERVISOR,
    /** 责任单位经办人: files progress, asks for extensions, submits completion. */
    UNIT_HANDLER,
    /** 单位负责人: approves what the handler submits. */
    UNIT_HEAD,
    /** 统计/发改: maintains indicator data and targets. */
    STATISTICIAN,
    /** 企业: submits and follows its own appeals. */
    ENTERPRISE,
    /** 管理员: org units, users, roles. */
    ADMIN;

    public String authority() {
        return "ROLE_" + name();
    }
}
