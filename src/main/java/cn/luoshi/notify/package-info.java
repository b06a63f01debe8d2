/**
 * In-app notifications: every user has an inbox. Modules publish {@link cn.luoshi.notify.NotificationRequested};
 * this module resolves the recipients and files one message per user, at most once per deduplication key.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package cn.luoshi.notify;
