package cn.luoshi.audit;

/**
 * The result of walking the whole chain.
 *
 * @param intact        every row's hash matches its content and its predecessor
 * @param checked       rows examined
 * @param firstBrokenId the first row that does not match, or null
 * @param reason        why it does not match (content altered, row missing or reordered), or null
 */
public record ChainVerification(boolean intact, long checked, Long firstBrokenId, String reason) {
}
