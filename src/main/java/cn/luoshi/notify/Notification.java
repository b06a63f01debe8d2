package cn.luoshi.notify;

import java.time.OffsetDateTime;

/** A message in a user's inbox. */
public record Notification(long id, String kind, String title, String body, String link, OffsetDateTime createdAt,
                           OffsetDateTime readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
