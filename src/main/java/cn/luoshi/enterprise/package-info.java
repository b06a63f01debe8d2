/**
 * Enterprises and parks: the register (统一社会信用代码, industry, park, scale flags, land), yearly figures, counts by
 * revenue tier, and the per-mu evaluation (亩均效益综合评价) with versioned rules, frozen published runs and
 * objections. Other modules use {@link cn.luoshi.enterprise.Enterprises}; everything else is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Enterprises, parks and per-mu evaluation")
package cn.luoshi.enterprise;
