package cn.luoshi.appeal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import cn.luoshi.common.db.Rows;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * 现场办公会: "面对面、实打实地解决" — the problems enterprises raise at one on-site meeting are entered together,
 * each becoming an appeal dispatched on the spot to its responsible unit. All or nothing: one bad row refuses the
 * batch, naming the row.
 */
@Service
public class OnSiteMeetings {

    private final JdbcClient jdbc;
    private final Appeals appeals;
    private final OrgUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OnSiteMeetings(JdbcClient jdbc, Appeals appeals, OrgUnits units, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.appeals = appeals;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** The meeting and the appeals filed for it. */
    public record Created(OnSiteMeeting meeting, List<FiledAppeal> appeals) {
    }

    @Transactional
    public Created create(NewOnSiteMeeting cmd, LuoshiUser actor) {
        if (!actor.hasAny(Role.SUPERVISOR, Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
            throw DomainException.forbidden("error.forbidden");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (!StringUtils.hasText(cmd.title()) || cmd.title().strip().length() > 200) {
            problems.add(new FieldProblem("title", "validation.NotBlank"));
        }
        if (cmd.heldOn() == null) {
            problems.add(new FieldProblem("heldOn", "validation.NotNull"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        Long hostId = cmd.hostUnitId() != null ? cmd.hostUnitId() : actor.unitId();
        if (hostId == null) {
            throw DomainException.invalidFields(List.of(new FieldProblem("hostUnitId", "validation.NotNull")));
        }
        OrgUnit host = units.getVisible(hostId, actor.scope());
        long id = jdbc.sql("""
                        insert into appeal_on_site_meeting (title, held_on, location, host_unit_id, project_id,
                                                            task_id, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(cmd.title().strip(), cmd.heldOn(), cmd.location() == null ? "" : cmd.location().strip(),
                        host.id(), cmd.projectId(), cmd.taskId(), actor.getUsername(), OffsetDateTime.now(clock))
                .query(Long.class).single();
        List<FiledAppeal> filed = new ArrayList<>();
        int row = 0;
        for (NewAppeal appeal : cmd.appeals()) {
            row++;
            NewAppeal forMeeting = new NewAppeal(appeal.creditCode(), appeal.enterpriseName(), appeal.contactName(),
                    appeal.contactPhone(), appeal.contactEmail(), appeal.categoryCode(), appeal.title(),
                    appeal.content(), AppealChannel.ON_SITE_MEETING, appeal.responsibleUnitId(), appeal.coUnitIds(),
                    appeal.projectId() != null ? appeal.projectId() : cmd.projectId(),
                    appeal.taskId() != null ? appeal.taskId() : cmd.taskId(), id, appeal.sourceKey(),
                    appeal.address(), appeal.latitude(), appeal.longitude(), true);
            try {
                filed.add(appeals.file(forMeeting, actor));
            } catch (DomainException e) {
                final int number = row;
                List<FieldProblem> named = e.fieldProblems().stream()
                        .map(p -> new FieldProblem("appeals[" + number + "]." + p.field(), p.code(), p.args()))
                        .toList();
                throw named.isEmpty() ? e : DomainException.invalidFields(named);
            }
        }
        OnSiteMeeting meeting = get(id, actor);
        events.publishEvent(new AuditRecord("appeal.meeting.created", "OnSiteMeeting", String.valueOf(id), host.id(),
                "登记现场办公会「" + meeting.title() + "」及诉求 " + filed.size() + " 件", null, meeting));
        return new Created(meeting, filed);
    }

    public List<OnSiteMeeting> list(LuoshiUser me) {
        if (me.scope().isEnterprise()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where m.host_unit_id in (select su.id from org_unit su where su.path like :scopePath)"
                        + " order by m.held_on desc, m.id desc limit 200")
                .param("scopePath", me.scope().pathPattern()).query(OnSiteMeetings::map).list();
    }

    public OnSiteMeeting get(long id, LuoshiUser me) {
        return jdbc.sql(SELECT + " where m.id = :id and m.host_unit_id in (select su.id from org_unit su "
                        + "where su.path like :scopePath)")
                .param("id", id).param("scopePath", me.scope().isEnterprise() ? "" : me.scope().pathPattern())
                .query(OnSiteMeetings::map).optional()
                .orElseThrow(() -> DomainException.notFound("appeal.meeting", id));
    }

    private static final String SELECT = """
            select m.*, u.name as host_name,
                   (select count(*) from appeal a where a.meeting_id = m.id) as appeal_count
            from appeal_on_site_meeting m join org_unit u on u.id = m.host_unit_id""";

    private static OnSiteMeeting map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OnSiteMeeting(rs.getLong("id"), rs.getString("title"),
                rs.getObject("held_on", java.time.LocalDate.class), rs.getString("location"),
                new AppealUnit(rs.getLong("host_unit_id"), rs.getString("host_name")),
                Rows.nullableLong(rs, "project_id"), Rows.nullableLong(rs, "task_id"), rs.getLong("appeal_count"));
    }
}
