package cn.luoshi.notify;

import cn.luoshi.common.db.Rows;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** A user's own messages; nobody reads another user's inbox. */
@Service
public class Inbox {

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public PageResponse<Notification> list(long userId, boolean unreadOnly, Paging paging) {
        return list(userId, unreadOnly, null, paging);
    }

    /** The user's messages, newest first; {@code text} (optional) must occur in the title or the body. */
    public PageResponse<Notification> list(long userId, boolean unreadOnly, String text, Paging paging) {
        boolean search = text != null && !text.isBlank();
        // One user's inbox is small, so the user_id index narrows enough and a plain substring test is fine.
        String where = " where user_id = :user" + (unreadOnly ? " and read_at is null" : "")
                + (search ? " and strpos(title || ' ' || coalesce(body, ''), :text) > 0" : "");
        long total = jdbc.sql("select count(*) from notification" + where).param("user", userId)
                .param("text", search ? text.strip() : "").query(Long.class).single();
        List<Notification> content = jdbc.sql("select id, kind, title, body, link, created_at, read_at from notification"
                        + where + " order by created_at desc, id desc limit :limit offset :offset")
                .param("user", userId).param("text", search ? text.strip() : "")
                .param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, n) -> new Notification(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), Rows.time(rs, 6), Rows.time(rs, 7)))
                .list();
        return paging.page(content, total);
    }

    /** The link of one of the user's own messages. */
    public java.util.Optional<String> link(long userId, long notificationId) {
        return jdbc.sql("select link from notification where id = ? and user_id = ?").params(notificationId, userId)
                .query(String.class).optional();
    }

    public long unreadCount(long userId) {
        return jdbc.sql("select count(*) from notification where user_id = ? and read_at is null").param(userId)
                .query(Long.class).single();
    }

    public void markRead(long userId, long notificationId) {
        int found = jdbc.sql("update notification set read_at = coalesce(read_at, ?) where id = ? and user_id = ?")
                .params(OffsetDateTime.now(clock), notificationId, userId).update();
        if (found == 0) {
            throw DomainException.notFound("notify.notification", notificationId);
        }
    }

    public int markAllRead(long userId) {
        return jdbc.sql("update notification set read_at = ? where user_id = ? and read_at is null")
                .params(OffsetDateTime.now(clock), userId).update();
    }
}
