package cn.luoshi.enterprise.internal;

import java.util.ArrayList;
import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.enterprise.PerMuObjection;
import cn.luoshi.enterprise.PerMuRun;

/**
 * Who may do what with objections (异议) to a per-mu evaluation, and when: the one table the service
 * ({@code PerMuEvaluations}) and the run's page and API read.
 *
 * <pre>
 *   published run ── FILE (the enterprise evaluated in it; one open objection at a time) ──► FILED
 *   FILED ── RESCORE (the evaluating office: computes and covers the run's region) ──► RESCORED
 *   FILED ── REJECT  (the evaluating office, with a note) ──────────────────────────► REJECTED
 * </pre>
 *
 * An enterprise sees only the published runs it was evaluated in; a run outside an office's scope is not found.
 * Each rule asks "may this person?" (403), then "does the run or objection allow it?" (409); corrections and the
 * note are checked afterwards (400).
 */
public final class PerMuObjectionRules {

    public enum Operation { FILE, RESCORE, REJECT }

    /**
     * @param enterprise    an enterprise account (it sees only its own result)
     * @param office        computes evaluations and its scope covers the run's region
     * @param openObjection the enterprise already has an objection waiting in this run
     */
    public record Standing(boolean enterprise, boolean office, boolean openObjection) {
    }

    private PerMuObjectionRules() {
    }

    /** Throws the refusal unless allowed; {@code objection} is the one decided (null for FILE). */
    public static void check(Operation op, PerMuRun run, PerMuObjection objection, Standing by) {
        switch (op) {
            case FILE -> {
                require(by.enterprise(), "perMu.error.objectionByEnterprise");
                if (!run.published()) {
                    throw DomainException.conflict("perMu.error.objectionUnpublished");
                }
                if (by.openObjection()) {
                    throw DomainException.conflict("perMu.error.objectionOpen");
                }
            }
            case RESCORE, REJECT -> {
                require(by.office(), "error.forbidden");
                if (objection.status() != PerMuObjection.Status.FILED) {
                    throw DomainException.conflict("perMu.error.objectionDecided");
                }
            }
        }
    }

    /** What the person may do on the run's objections (FILE). */
    public static List<String> allowedOnRun(PerMuRun run, Standing by) {
        return permits(Operation.FILE, run, null, by) ? List.of(Operation.FILE.name()) : List.of();
    }

    /** What the person may do to one objection (RESCORE, REJECT). */
    public static List<String> allowedOnObjection(PerMuRun run, PerMuObjection objection, Standing by) {
        List<String> allowed = new ArrayList<>();
        for (Operation op : List.of(Operation.RESCORE, Operation.REJECT)) {
            if (permits(op, run, objection, by)) {
                allowed.add(op.name());
            }
        }
        return allowed;
    }

    private static boolean permits(Operation op, PerMuRun run, PerMuObjection objection, Standing by) {
        try {
            check(op, run, objection, by);
            return true;
        } catch (DomainException refused) {
            return false;
        }
    }

    private static void require(boolean allowed, String code) {
        if (!allowed) {
            throw DomainException.forbidden(code);
        }
    }
}
