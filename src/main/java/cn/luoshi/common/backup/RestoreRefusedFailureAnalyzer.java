package cn.luoshi.common.backup;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** A refused restore stops the start with its reason, not with a stack trace. */
class RestoreRefusedFailureAnalyzer extends AbstractFailureAnalyzer<RestoreRefused> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, RestoreRefused cause) {
        return new FailureAnalysis("The restore was refused: " + cause.getMessage(),
                "Nothing was restored and the database was left as it was. Fix the cause and start again with "
                        + "LUOSHI_RESTORE_FROM, or start without it; see docs/reliability.md, \"Backup and restore\".",
                cause);
    }
}
