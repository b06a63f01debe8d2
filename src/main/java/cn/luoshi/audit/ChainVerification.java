package cn.luoshi.audit;

/**
 * The result of walking the whole chain and comparing it with every checkpoint kept outside the database.
 *
 * @param intact                 every row's hash matches its content and its predecessor, every checkpointed row is
 *                               still there with the hash its checkpoint recorded, and every checkpoint is signed
 * @param checked                rows examined
 * @param firstBrokenId          the first row that does not match (or the checkpointed row that is missing), or null
 * @param reason                 why, in plain words (Chinese / English), or null
 * @param problem                the kind of problem, or null when intact
 * @param checkpoints            correctly signed checkpoints read
 * @param lastGoodCheckpoint     the newest checkpoint the log still agrees with, below any problem; null when none
 * @param contradictedCheckpoint the checkpoint the log contradicts, or the badly signed one; null otherwise
 */
public record ChainVerification(boolean intact, long checked, Long firstBrokenId, String reason, Problem problem,
                                int checkpoints, AuditCheckpoint lastGoodCheckpoint,
                                AuditCheckpoint contradictedCheckpoint) {

    public enum Problem {
        /** a row does not match its own hash */
        CONTENT_ALTERED,
        /** a row does not point at the row before it: a row removed, inserted or altered before it */
        CHAIN_BROKEN,
        /** a row a checkpoint recorded is gone (rows deleted at the head) */
        ROW_MISSING,
        /** a checkpointed row has another hash now (a row rewritten and the rows after it re-chained) */
        CHECKPOINT_MISMATCH,
        /** a checkpoint line whose signature is wrong or that cannot be read */
        CHECKPOINT_SIGNATURE
    }
}
