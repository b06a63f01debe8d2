package cn.luoshi.appeal;

import java.util.List;

/**
 * A requested state change. {@code version} is the version the caller read (optimistic locking). DISPATCH and
 * TRANSFER name the unit (and co-units); TRANSFER, CLOSE and REOPEN need a reason; ANSWER needs the answer text.
 */
public record Transition(AppealAction action, int version, Long unitId, List<Long> coUnitIds, String reason,
                         String answer, CloseReason closeReason) {

    public Transition {
        coUnitIds = coUnitIds == null ? List.of() : List.copyOf(coUnitIds);
    }

    public static Transition accept(int version) {
        return new Transition(AppealAction.ACCEPT, version, null, List.of(), null, null, null);
    }

    public static Transition answer(int version, String answer) {
        return new Transition(AppealAction.ANSWER, version, null, List.of(), null, answer, null);
    }

    public static Transition dispatch(int version, long unitId, List<Long> coUnits) {
        return new Transition(AppealAction.DISPATCH, version, unitId, coUnits, null, null, null);
    }

    public static Transition transfer(int version, long unitId, String reason) {
        return new Transition(AppealAction.TRANSFER, version, unitId, List.of(), reason, null, null);
    }
}
