package cn.luoshi.audit.internal;

import java.time.Clock;
import java.time.OffsetDateTime;

import cn.luoshi.common.events.AuditableEvent;
import cn.luoshi.org.LuoshiUser;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends each auditable event to the log just before its transaction commits, so the log holds exactly the
 * committed changes. Appends are serialised by a transaction-scoped advisory lock: each row chains to the row
 * committed before it, and ids follow the chain.
 */
@Component
class AuditWriter {

    /** Serialises appends; a checkpoint takes it too, so it anchors a settled head. */
    static final long CHAIN_LOCK = 7215001L;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    private final TransactionTemplate transactions;

    AuditWriter(JdbcClient jdbc, JsonMapper json, Clock clock, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
    }

    // Last of the work before commit: the chain lock is then held only for the append and the commit itself,
    // not while other listeners (messages to every overseer of a unit) write their rows.
    @Order(Ordered.LOWEST_PRECEDENCE)
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT, fallbackExecution = true)
    void on(AuditableEvent event) {
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            append(event);
        } else {
            // The chain lock only holds inside a transaction.
            transactions.executeWithoutResult(status -> append(event));
        }
    }

    void append(AuditableEvent event) {
        String actor = "system";
        Long actorId = null;
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof LuoshiUser user) {
            actor = user.getUsername();
            actorId = user.id();
        } else if (auth != null && auth.isAuthenticated() && auth.getName() != null) {
            actor = auth.getName();
        }
        String before = event.before() == null ? null : json.writeValueAsString(event.before());
        String after = event.after() == null ? null : json.writeValueAsString(event.after());
        String summary = event.summary() == null ? null
                : event.summary().length() > 1000 ? event.summary().substring(0, 1000) : event.summary();

        jdbc.sql("select pg_advisory_xact_lock(?)").param(CHAIN_LOCK).query().singleValue();
        // the head and the next id in one round trip: the lock is held until commit, so each trip counts
        record Next(String prev, long id) {
        }
        Next next = jdbc.sql("select (select hash from audit_event order by id desc limit 1), nextval('audit_event_seq')")
                .query((rs, n) -> new Next(rs.getString(1), rs.getLong(2))).single();
        String prev = next.prev() == null ? AuditChain.GENESIS : next.prev();
        long id = next.id();
        OffsetDateTime at = AuditChain.truncate(OffsetDateTime.now(clock));
        String hash = AuditChain.hash(prev, id, at, actor, actorId, event.action(), event.entityType(),
                event.entityId(), event.unitId(), summary, before, after);
        jdbc.sql("""
                        insert into audit_event (id, occurred_at, actor, actor_id, action, entity_type, entity_id,
                                                 unit_id, summary, before_json, after_json, prev_hash, hash)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, at, actor, actorId, event.action(), event.entityType(), event.entityId(),
                        event.unitId(), summary, before, after, prev, hash)
                .update();
    }
}
