package cn.luoshi.notify.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.Set;

import cn.luoshi.notify.NotificationRequested;
import cn.luoshi.notify.Recipients;
import cn.luoshi.org.UserDirectory;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/** Files requested messages in the same transaction as the change that caused them. */
@Component
class NotificationDelivery {

    private final JdbcClient jdbc;
    private final UserDirectory directory;
    private final Clock clock;

    NotificationDelivery(JdbcClient jdbc, UserDirectory directory, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.clock = clock;
    }

    // Before the audit append (which runs last), so the audit chain's lock is not held while messages are filed.
    @Order(0)
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(NotificationRequested request) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (long userId : resolve(request.recipients())) {
            jdbc.sql("""
                            insert into notification (user_id, kind, title, body, link, dedup_key, created_at)
                            values (?, ?, ?, ?, ?, ?, ?)
                            on conflict (user_id, dedup_key) where dedup_key is not null do nothing""")
                    .params(userId, request.kind(), truncate(request.title(), 300), truncate(request.body(), 4000),
                            truncate(request.link(), 500), request.dedupKey(), now)
                    .update();
        }
    }

    private Set<Long> resolve(Recipients recipients) {
        Set<Long> users = new LinkedHashSet<>(recipients.userIds());
        for (long unitId : recipients.unitIds()) {
            users.addAll(directory.usersOf(unitId, recipients.unitRoles()));
        }
        if (recipients.overseenUnitId() != null) {
            users.addAll(directory.overseersOf(recipients.overseenUnitId(), recipients.overseerRoles()));
        }
        return users;
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
