package cn.luoshi.target;

/** A draft is prepared and revised; a published target is the one units are measured against. */
public enum TargetStatus {
    DRAFT, PUBLISHED
}
