package cn.luoshi.appeal;

/** How an appeal reached the government. */
public enum AppealChannel {
    /** The public web form (no sign-in needed) or an enterprise account. */
    PUBLIC_FORM,
    /** Entered by staff from a phone call. */
    STAFF_PHONE,
    /** Entered by staff after visiting the enterprise. */
    STAFF_VISIT,
    /** Raised at a 座谈会 / 恳谈会 with enterprises. */
    SYMPOSIUM,
    /** Raised at a 现场办公会 (entered in a batch for the meeting). */
    ON_SITE_MEETING,
    /** Filed by another system through the REST API. */
    API,
    /** Filed by a client through Open311 GeoReport v2. */
    OPEN311,
    /** A problem of a key project's 问题清单 turned into an appeal. */
    PROJECT_PROBLEM;

    /** Channels staff may choose when entering an appeal by hand. */
    public boolean staffEntered() {
        return this == STAFF_PHONE || this == STAFF_VISIT || this == SYMPOSIUM || this == ON_SITE_MEETING;
    }
}
