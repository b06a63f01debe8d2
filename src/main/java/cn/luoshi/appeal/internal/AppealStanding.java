package cn.luoshi.appeal.internal;

/**
 * What a person is to one appeal, which is what {@link AppealRules} asks about. The appeal is already known to be
 * in the person's scope (one outside it is not found).
 *
 * @param dispatcher the dispatching office's handler or head, or a supervisor
 * @param handler    a handler or head whose scope covers the responsible unit
 * @param owner      the filing enterprise (its account, or its follow-up token)
 * @param supervisor 督查室
 */
public record AppealStanding(boolean dispatcher, boolean handler, boolean owner, boolean supervisor) {

    /** Whoever holds the follow-up token: the filing enterprise, nothing more. */
    public static final AppealStanding TOKEN_HOLDER = new AppealStanding(false, false, true, false);
}
