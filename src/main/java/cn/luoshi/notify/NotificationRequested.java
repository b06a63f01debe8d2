package cn.luoshi.notify;

/**
 * Asks for a message to be put in the inboxes of the recipients, in the publisher's transaction.
 *
 * @param kind     a short type such as {@code TASK_ASSIGNED}, for filtering and icons
 * @param link     the page the message points to, e.g. {@code /tasks/42}
 * @param dedupKey when set, a user receives at most one message with this key, however often it is requested
 *                 (e.g. {@code task-42-red-2026-11-22}), so a job run twice sends nothing twice
 */
public record NotificationRequested(Recipients recipients, String kind, String title, String body, String link,
                                    String dedupKey) {
}
