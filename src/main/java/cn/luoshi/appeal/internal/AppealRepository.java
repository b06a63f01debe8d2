package cn.luoshi.appeal.internal;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.appeal.Appeal;
import cn.luoshi.appeal.AppealChannel;
import cn.luoshi.appeal.AppealHistoryEntry;
import cn.luoshi.appeal.AppealQuery;
import cn.luoshi.appeal.AppealStatus;
import cn.luoshi.appeal.AppealUnit;
import cn.luoshi.appeal.CloseReason;
import cn.luoshi.appeal.Rating;
import cn.luoshi.common.db.Rows;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.DataScope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Plain SQL over {@code appeal} and its satellite tables; the data scope is part of every read. */
@Repository
public class AppealRepository {

    private static final String SELECT = """
            select a.*, c.code as category_code, c.name as category_name,
                   du.name as dispatch_unit_name, ru.name as responsible_unit_name, dup.code as duplicate_code,
                   array(select cu.unit_id from appeal_co_unit cu join org_unit u on u.id = cu.unit_id
                         where cu.appeal_id = a.id order by u.sort_order, u.id) as co_ids,
                   array(select u.name from appeal_co_unit cu join org_unit u on u.id = cu.unit_id
                         where cu.appeal_id = a.id order by u.sort_order, u.id) as co_names
            from appeal a
            join appeal_category c on c.id = a.category_id
            join org_unit du on du.id = a.dispatch_unit_id
            left join org_unit ru on ru.id = a.responsible_unit_id
            left join appeal dup on dup.id = a.possible_duplicate_of
            """;

    /** Open and past a deadline: not signed for in time, or not answered in time. */
    static final String OVERDUE = """
            (a.status <> 'CLOSED' and ((a.status = 'DISPATCHED' and a.accept_due_at < :now)
              or (a.status in ('SUBMITTED', 'DISPATCHED', 'ACCEPTED', 'REOPENED') and a.answer_due_at < :now)))""";

    private final JdbcClient jdbc;
    private final WorkingCalendar calendar;

    AppealRepository(JdbcClient jdbc, WorkingCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /**
     * "The appeal lies in the user's scope": its dispatching office, responsible unit or a co-unit is in the scope;
     * for an enterprise account, its own credit code only. Bind with {@link #bindScope}. This form checks each
     * appeal against hashed sets of the scope's units, which suits scans over many appeals (statistics, wide scopes).
     */
    static String scopeCondition(DataScope scope) {
        if (scope.isEnterprise()) {
            return "a.credit_code = :creditCode";
        }
        if (scope.global()) {
            return "true";
        }
        if (scope.rootPath() == null) {
            return "false";
        }
        return "(" + DataScope.unitFilter("a.dispatch_unit_id") + " or " + DataScope.unitFilter("a.responsible_unit_id")
                + " or exists (select 1 from appeal_co_unit sc where sc.appeal_id = a.id and "
                + DataScope.unitFilter("sc.unit_id") + "))";
    }

    /**
     * The same condition for lists. A scope of a few units (a department, a district office) gets a form the planner
     * can answer from the unit indexes (each branch "column = any(array computed once)", combined by BitmapOr);
     * wide scopes keep the hashed form above, where a linear array search per appeal would be slow.
     */
    String listScopeCondition(DataScope scope) {
        if (scope.isEnterprise() || scope.global() || scope.rootPath() == null || isWide(scope)) {
            return scopeCondition(scope);
        }
        String units = "array(select su.id from org_unit su where su.path like :scopePath)";
        return "(a.dispatch_unit_id = any(" + units + ") or a.responsible_unit_id = any(" + units + ")"
                + " or a.id = any(array(select sc.appeal_id from appeal_co_unit sc join org_unit su"
                + " on su.id = sc.unit_id where su.path like :scopePath)))";
    }

    private final Map<String, Boolean> wideScopes = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Whether the scope spans a third or more of all org units (a province): then most appeals are in view and one
     * pass over the table with a hashed unit check beats the indexes. A city or a district is narrow: its appeals
     * come from the unit indexes (a city of 210 units among 3,221: 634 ms by the pass, 154 ms by the indexes). The
     * answer only shapes the query plan, never the result.
     */
    private boolean isWide(DataScope scope) {
        return wideScopes.computeIfAbsent(scope.pathPattern(), pattern -> jdbc.sql(
                "select count(*) filter (where path like ?) * 3 >= count(*) from org_unit").param(pattern)
                .query(Boolean.class).single());
    }

    static void bindScope(DataScope scope, Map<String, Object> params) {
        if (scope.isEnterprise()) {
            params.put("creditCode", scope.creditCode());
        } else if (!scope.global() && scope.rootPath() != null) {
            params.put("scopePath", scope.pathPattern());
        }
    }

    public long insert(InsertRow row) {
        return jdbc.sql("""
                        insert into appeal (code, credit_code, enterprise_name, contact_name, contact_phone,
                            contact_email, category_id, title, content, channel, status, dispatch_unit_id,
                            responsible_unit_id, project_id, task_id, meeting_id, source_key, open311_client_id,
                            address, latitude, longitude, possible_duplicate_of, submitted_at, dispatched_at,
                            accept_due_at, answer_due_at, follow_token_hash, created_by, updated_at)
                        values (:code, :creditCode, :enterpriseName, :contactName, :contactPhone, :contactEmail,
                            :categoryId, :title, :content, :channel, :status, :dispatchUnitId, :responsibleUnitId,
                            :projectId, :taskId, :meetingId, :sourceKey, :open311ClientId, :address, :latitude,
                            :longitude, :duplicateOf, :submittedAt, :dispatchedAt, :acceptDueAt, :answerDueAt,
                            :tokenHash, :createdBy, :submittedAt)
                        returning id""")
                .param("code", row.code()).param("creditCode", row.creditCode())
                .param("enterpriseName", row.enterpriseName()).param("contactName", row.contactName())
                .param("contactPhone", row.contactPhone()).param("contactEmail", row.contactEmail())
                .param("categoryId", row.categoryId()).param("title", row.title()).param("content", row.content())
                .param("channel", row.channel().name()).param("status", row.status().name())
                .param("dispatchUnitId", row.dispatchUnitId()).param("responsibleUnitId", row.responsibleUnitId())
                .param("projectId", row.projectId()).param("taskId", row.taskId())
                .param("meetingId", row.meetingId()).param("sourceKey", row.sourceKey())
                .param("open311ClientId", row.open311ClientId()).param("address", row.address())
                .param("latitude", row.latitude()).param("longitude", row.longitude())
                .param("duplicateOf", row.duplicateOf()).param("submittedAt", row.submittedAt())
                .param("dispatchedAt", row.dispatchedAt()).param("acceptDueAt", row.acceptDueAt())
                .param("answerDueAt", row.answerDueAt()).param("tokenHash", row.tokenHash())
                .param("createdBy", row.createdBy())
                .query(Long.class).single();
    }

    /** The columns of a new appeal. */
    public record InsertRow(String code, String creditCode, String enterpriseName, String contactName,
                            String contactPhone, String contactEmail, long categoryId, String title, String content,
                            AppealChannel channel, AppealStatus status, long dispatchUnitId, Long responsibleUnitId,
                            Long projectId, Long taskId, Long meetingId, String sourceKey, Long open311ClientId,
                            String address, BigDecimal latitude, BigDecimal longitude, Long duplicateOf,
                            OffsetDateTime submittedAt, OffsetDateTime dispatchedAt, OffsetDateTime acceptDueAt,
                            OffsetDateTime answerDueAt, String tokenHash, String createdBy) {
    }

    public String nextCode(OffsetDateTime now) {
        long n = jdbc.sql("select nextval('appeal_code_seq')").query(Long.class).single();
        return String.format("SQ%04d%02d-%06d", now.getYear(), now.getMonthValue(), n);
    }

    public void setCoUnits(long appealId, List<Long> unitIds) {
        jdbc.sql("delete from appeal_co_unit where appeal_id = ?").param(appealId).update();
        for (Long unit : unitIds) {
            jdbc.sql("insert into appeal_co_unit (appeal_id, unit_id) values (?, ?) on conflict do nothing")
                    .params(appealId, unit).update();
        }
    }

    public void addAttachment(long appealId, long fileId) {
        jdbc.sql("insert into appeal_attachment (appeal_id, file_id) values (?, ?)").params(appealId, fileId).update();
    }

    public List<Long> attachmentIds(long appealId) {
        return jdbc.sql("select file_id from appeal_attachment where appeal_id = ? order by file_id")
                .param(appealId).query(Long.class).list();
    }

    public Optional<Appeal> find(long id, DataScope scope, OffsetDateTime now) {
        CalendarView view = calendar.view();
        Map<String, Object> params = new HashMap<>();
        bindScope(scope, params);
        params.put("id", id);
        params.put("now", now);
        return jdbc.sql(SELECT + " where a.id = :id and " + listScopeCondition(scope)).params(params)
                .query((rs, n) -> map(rs, now, view)).optional();
    }

    /** Without scope: for the follow-up token, the system jobs and the owner-checked paths. */
    public Optional<Appeal> findUnscoped(long id, OffsetDateTime now) {
        CalendarView view = calendar.view();
        return jdbc.sql(SELECT + " where a.id = :id").param("id", id).query((rs, n) -> map(rs, now, view)).optional();
    }

    public Optional<Long> idByCode(String code) {
        return jdbc.sql("select id from appeal where code = ?").param(code).query(Long.class).optional();
    }

    /** The appeal filed with this source key and who filed it ({@code created_by}). */
    public record KeyedAppeal(long id, String createdBy) {
    }

    public Optional<KeyedAppeal> bySourceKey(String sourceKey) {
        return jdbc.sql("select id, created_by from appeal where source_key = ?").param(sourceKey)
                .query((rs, n) -> new KeyedAppeal(rs.getLong("id"), rs.getString("created_by"))).optional();
    }

    public Optional<String> tokenHash(long id) {
        return jdbc.sql("select follow_token_hash from appeal where id = ?").param(id).query(String.class).optional();
    }

    public Optional<Long> open311Client(long id) {
        return jdbc.sql("select open311_client_id from appeal where id = ?").param(id)
                .query((rs, n) -> Rows.nullableLong(rs, "open311_client_id")).optional();
    }

    /** The open appeals of one enterprise, most recent first, for the duplicate check. */
    public List<OpenAppeal> openOf(String creditCode, int limit) {
        return jdbc.sql("""
                        select id, code, title, content, submitted_at from appeal
                        where credit_code = ? and status <> 'CLOSED' order by submitted_at desc limit ?""")
                .params(creditCode, limit)
                .query((rs, n) -> new OpenAppeal(rs.getLong("id"), rs.getString("code"), rs.getString("title"),
                        rs.getString("content"), Rows.time(rs, "submitted_at")))
                .list();
    }

    /** An open appeal as the duplicate check compares it. */
    public record OpenAppeal(long id, String code, String title, String content, OffsetDateTime submittedAt) {
    }

    public PageResponse<Appeal> list(AppealQuery query, DataScope scope, Paging paging, OffsetDateTime now) {
        CalendarView view = calendar.view();
        Map<String, Object> params = new HashMap<>();
        String where = where(query, scope, params, now);
        long total = jdbc.sql("select count(*) from appeal a where " + where).params(params)
                .query(Long.class).single();
        params.put("limit", paging.size());
        params.put("offset", paging.offset());
        List<Appeal> content = jdbc.sql(SELECT + " where " + where
                        + " order by a.submitted_at desc, a.id desc limit :limit offset :offset")
                .params(params).query((rs, n) -> map(rs, now, view)).list();
        return paging.page(content, total);
    }

    /** Every matching appeal in pages of {@code batch}, newest first (keyset paging), e.g. for an export. */
    public void forEach(AppealQuery query, DataScope scope, OffsetDateTime now, int max,
                        java.util.function.Consumer<Appeal> consumer) {
        CalendarView view = calendar.view();
        Map<String, Object> params = new HashMap<>();
        String where = where(query, scope, params, now);
        params.put("max", max);
        jdbc.sql(SELECT + " where " + where + " order by a.submitted_at desc, a.id desc limit :max").params(params)
                .query((ResultSet rs) -> {
                    consumer.accept(map(rs, now, view));
                });
    }

    private String where(AppealQuery q, DataScope scope, Map<String, Object> params, OffsetDateTime now) {
        List<String> conditions = new ArrayList<>();
        conditions.add(listScopeCondition(scope));
        bindScope(scope, params);
        params.put("now", now);
        if (q.unitId() != null) {
            // A unit's appeals include those it works on as a co-unit.
            conditions.add("(a.responsible_unit_id = :unitId or exists (select 1 from appeal_co_unit qc "
                    + "where qc.appeal_id = a.id and qc.unit_id = :unitId))");
            params.put("unitId", q.unitId());
        }
        if (q.status() != null) {
            conditions.add("a.status = :status");
            params.put("status", q.status().name());
        }
        if (q.categoryCode() != null) {
            conditions.add("a.category_id = (select id from appeal_category where code = :category)");
            params.put("category", q.categoryCode());
        }
        if (Boolean.TRUE.equals(q.overdue())) {
            conditions.add(OVERDUE);
        } else if (Boolean.FALSE.equals(q.overdue())) {
            conditions.add("not " + OVERDUE);
        }
        if (Boolean.TRUE.equals(q.flagged())) {
            conditions.add("a.supervisor_flag");
        }
        if (q.meetingId() != null) {
            conditions.add("a.meeting_id = :meetingId");
            params.put("meetingId", q.meetingId());
        }
        if (q.open311ClientId() != null) {
            conditions.add("a.open311_client_id = :clientId");
            params.put("clientId", q.open311ClientId());
        }
        if (q.from() != null) {
            conditions.add("a.submitted_at >= :from");
            params.put("from", q.from());
        }
        if (q.to() != null) {
            conditions.add("a.submitted_at < :to");
            params.put("to", q.to());
        }
        if (q.todo() != null) {
            conditions.add(AppealTodos.condition(q.todo(), scope));
            AppealTodos.bind(q.todoUnitId(), params);
        }
        if (q.text() != null && !q.text().isBlank()) {
            conditions.add("(a.code = :text or a.enterprise_name like :like or a.title like :like)");
            params.put("text", q.text().strip());
            params.put("like", "%" + q.text().strip().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        return String.join(" and ", conditions);
    }

    /**
     * A random sample of appeals answered and closed in the last 30 days that nobody has called back yet: the
     * supervisor's 回访 list.
     */
    public List<Appeal> callbackSample(DataScope scope, int size, OffsetDateTime now) {
        CalendarView view = calendar.view();
        Map<String, Object> params = new HashMap<>();
        bindScope(scope, params);
        params.put("now", now);
        params.put("since", now.minusDays(30));
        params.put("size", size);
        return jdbc.sql(SELECT + " where " + scopeCondition(scope) + """
                         and a.status = 'CLOSED' and a.answered_at is not null and a.closed_at >= :since
                         and not exists (select 1 from appeal_callback cb where cb.appeal_id = a.id)
                        order by random() limit :size""")
                .params(params).query((rs, n) -> map(rs, now, view)).list();
    }

    public boolean update(long id, int version, AppealState s, OffsetDateTime now) {
        return jdbc.sql("""
                        update appeal set status = :status, responsible_unit_id = :unit, dispatched_at = :dispatchedAt,
                            accept_due_at = :acceptDue, accepted_at = :acceptedAt, answer_due_at = :answerDue,
                            answered_at = :answeredAt, answer = :answer, closed_at = :closedAt,
                            close_reason = :closeReason, rating = :rating, rating_comment = :ratingComment,
                            rated_at = :ratedAt, reopen_count = :reopenCount, supervisor_flag = :flag,
                            escalation_level = :level, updated_at = :now, version = version + 1
                        where id = :id and version = :version""")
                .param("status", s.status().name()).param("unit", s.responsibleUnitId())
                .param("dispatchedAt", s.dispatchedAt()).param("acceptDue", s.acceptDueAt())
                .param("acceptedAt", s.acceptedAt()).param("answerDue", s.answerDueAt())
                .param("answeredAt", s.answeredAt()).param("answer", s.answer()).param("closedAt", s.closedAt())
                .param("closeReason", s.closeReason() == null ? null : s.closeReason().name())
                .param("rating", s.rating() == null ? null : s.rating().name())
                .param("ratingComment", s.ratingComment()).param("ratedAt", s.ratedAt())
                .param("reopenCount", s.reopenCount()).param("flag", s.supervisorFlag())
                .param("level", s.escalationLevel()).param("now", now).param("id", id).param("version", version)
                .update() == 1;
    }

    /**
     * Raises the escalation level without touching the version: a reminder is the system's note on the appeal, not a
     * change a user's pending edit should conflict with.
     */
    public boolean escalate(long id, int level, boolean flag) {
        return jdbc.sql("""
                        update appeal set escalation_level = ?, supervisor_flag = supervisor_flag or ?
                        where id = ? and escalation_level < ?""")
                .params(level, flag, id, level).update() == 1;
    }

    public void addEvent(long appealId, OffsetDateTime at, String actor, String action, AppealStatus from,
                         AppealStatus to, Long fromUnit, Long toUnit, String note) {
        jdbc.sql("""
                        insert into appeal_event (appeal_id, occurred_at, actor, action, from_status, to_status,
                                                  from_unit_id, to_unit_id, note)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(appealId, at, actor, action, from == null ? null : from.name(), to.name(), fromUnit, toUnit,
                        note)
                .update();
    }

    public List<AppealHistoryEntry> history(long appealId) {
        return jdbc.sql("""
                        select e.occurred_at, e.actor, e.action, e.from_status, e.to_status, fu.name as from_unit,
                               tu.name as to_unit, e.note
                        from appeal_event e
                        left join org_unit fu on fu.id = e.from_unit_id
                        left join org_unit tu on tu.id = e.to_unit_id
                        where e.appeal_id = ? order by e.id""")
                .param(appealId)
                .query((rs, n) -> new AppealHistoryEntry(Rows.time(rs, "occurred_at"), rs.getString("actor"),
                        rs.getString("action"), status(rs.getString("from_status")),
                        status(rs.getString("to_status")), rs.getString("from_unit"), rs.getString("to_unit"),
                        rs.getString("note")))
                .list();
    }

    private static AppealStatus status(String s) {
        return s == null ? null : AppealStatus.valueOf(s);
    }

    /** @param view the calendar, to tell a running deadline counted over a year without a holiday notice */
    static Appeal map(ResultSet rs, OffsetDateTime now, CalendarView view) throws SQLException {
        AppealStatus status = AppealStatus.valueOf(rs.getString("status"));
        OffsetDateTime acceptDue = Rows.time(rs, "accept_due_at");
        OffsetDateTime answerDue = Rows.time(rs, "answer_due_at");
        boolean overdue = status.isOpen() && ((status == AppealStatus.DISPATCHED && acceptDue != null
                && acceptDue.isBefore(now)) || (status.awaitsAnswer() && answerDue.isBefore(now)));
        OffsetDateTime submittedAt = Rows.time(rs, "submitted_at");
        OffsetDateTime dispatchedAt = Rows.time(rs, "dispatched_at");
        // The answer's count starts at filing or a later reopening; from filing is the widest range it can span.
        boolean estimated = (status == AppealStatus.DISPATCHED && acceptDue != null && dispatchedAt != null
                && view.estimated(dispatchedAt.toLocalDate(), acceptDue.toLocalDate()))
                || (status.awaitsAnswer() && view.estimated(submittedAt.toLocalDate(), answerDue.toLocalDate()));
        Long responsibleId = Rows.nullableLong(rs, "responsible_unit_id");
        String closeReason = rs.getString("close_reason");
        String rating = rs.getString("rating");
        return new Appeal(rs.getLong("id"), rs.getString("code"), rs.getString("credit_code"),
                rs.getString("enterprise_name"), rs.getString("contact_name"), rs.getString("contact_phone"),
                rs.getString("contact_email"), rs.getString("category_code"), rs.getString("category_name"),
                rs.getString("title"), rs.getString("content"), AppealChannel.valueOf(rs.getString("channel")),
                status, new AppealUnit(rs.getLong("dispatch_unit_id"), rs.getString("dispatch_unit_name")),
                responsibleId == null ? null : new AppealUnit(responsibleId, rs.getString("responsible_unit_name")),
                coUnits(rs.getArray("co_ids"), rs.getArray("co_names")), Rows.nullableLong(rs, "project_id"),
                Rows.nullableLong(rs, "task_id"), Rows.nullableLong(rs, "meeting_id"), rs.getString("address"),
                rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"), submittedAt, dispatchedAt, acceptDue,
                Rows.time(rs, "accepted_at"), answerDue,
                Rows.time(rs, "answered_at"), rs.getString("answer"), Rows.time(rs, "closed_at"),
                closeReason == null ? null : CloseReason.valueOf(closeReason),
                rating == null ? null : Rating.valueOf(rating), rs.getString("rating_comment"),
                Rows.time(rs, "rated_at"), rs.getInt("reopen_count"), rs.getBoolean("supervisor_flag"),
                rs.getInt("escalation_level"), rs.getString("duplicate_code"), overdue, estimated,
                Rows.time(rs, "updated_at"), rs.getInt("version"));
    }

    private static List<AppealUnit> coUnits(Array ids, Array names) throws SQLException {
        Object[] idValues = (Object[]) ids.getArray();
        Object[] nameValues = (Object[]) names.getArray();
        List<AppealUnit> units = new ArrayList<>(idValues.length);
        for (int i = 0; i < idValues.length; i++) {
            units.add(new AppealUnit(((Number) idValues[i]).longValue(), (String) nameValues[i]));
        }
        return List.copyOf(units);
    }
}
