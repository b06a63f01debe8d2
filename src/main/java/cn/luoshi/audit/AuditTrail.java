package cn.luoshi.audit;

import cn.luoshi.common.db.Rows;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.luoshi.audit.internal.ChainVerifier;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.StringUtils;

/** Reading the audit log within a data scope, and checking its hash chain end to end and against its checkpoints. */
@Service
public class AuditTrail {

    private final JdbcClient jdbc;
    private final ChainVerifier verifier;

    AuditTrail(JdbcClient jdbc, ChainVerifier verifier) {
        this.jdbc = jdbc;
        this.verifier = verifier;
    }

    /** Filters for the audit page and API; all optional. */
    public record Filter(String actor, String action, String entityType, String entityId, Long unitId,
                         OffsetDateTime from, OffsetDateTime to, String q) {
    }

    public PageResponse<AuditEntry> search(DataScope scope, Filter filter, Paging paging) {
        List<String> conditions = new ArrayList<>();
        // Events without a unit (system set-up, sign-in tokens) are visible to global readers only.
        conditions.add(scope.global() ? "(e.unit_id is null or " + DataScope.unitFilter("e.unit_id") + ")"
                : DataScope.unitFilter("e.unit_id"));
        var params = new java.util.LinkedHashMap<String, Object>();
        params.put("scopePath", scope.pathPattern());
        if (StringUtils.hasText(filter.actor())) {
            conditions.add("e.actor = :actor");
            params.put("actor", filter.actor().strip());
        }
        if (StringUtils.hasText(filter.action())) {
            conditions.add("e.action like :action");
            params.put("action", filter.action().strip() + "%");
        }
        if (StringUtils.hasText(filter.entityType())) {
            conditions.add("e.entity_type = :entityType");
            params.put("entityType", filter.entityType().strip());
        }
        if (StringUtils.hasText(filter.entityId())) {
            conditions.add("e.entity_id = :entityId");
            params.put("entityId", filter.entityId().strip());
        }
        if (filter.unitId() != null) {
            conditions.add("e.unit_id = :unitId");
            params.put("unitId", filter.unitId());
        }
        if (filter.from() != null) {
            conditions.add("e.occurred_at >= :from");
            params.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("e.occurred_at < :to");
            params.put("to", filter.to());
        }
        if (StringUtils.hasText(filter.q())) {
            conditions.add("e.summary ilike :q");
            params.put("q", "%" + filter.q().strip().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String where = " where " + String.join(" and ", conditions);
        long total = jdbc.sql("select count(*) from audit_event e" + where).params(params).query(Long.class).single();
        List<AuditEntry> content = jdbc.sql("""
                        select e.id, e.occurred_at, e.actor, e.action, e.entity_type, e.entity_id, e.unit_id,
                               u.name as unit_name, e.summary, e.before_json, e.after_json, e.hash
                        from audit_event e left join org_unit u on u.id = e.unit_id""" + where
                        + " order by e.id desc limit :limit offset :offset")
                .params(params).param("limit", paging.size()).param("offset", paging.offset())
                .query((rs, n) -> new AuditEntry(rs.getLong(1), Rows.time(rs, 2),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                        rs.getObject(7, Long.class), rs.getString(8), rs.getString(9), rs.getString(10),
                        rs.getString(11), rs.getString(12)))
                .list();
        return paging.page(content, total);
    }

    /**
     * Walks every row in chain order, recomputing each hash, and compares the rows with every checkpoint kept
     * outside the database; stops at the first mismatch.
     */
    public ChainVerification verify() {
        return verifier.verify();
    }
}
