package cn.luoshi.task;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.task.internal.MeetingRepository;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meetings (会议), the source of most tasks. A user sees the meetings organised within its scope and those that
 * deployed a task it can see.
 */
@Service
public class Meetings {

    private final MeetingRepository meetings;
    private final OrgUnits units;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Meetings(MeetingRepository meetings, OrgUnits units, ApplicationEventPublisher events, Clock clock) {
        this.meetings = meetings;
        this.units = units;
        this.events = events;
        this.clock = clock;
    }

    /** Registers a meeting; the supervision office (or an administrator) does this for units in its scope. */
    @Transactional
    public Meeting create(NewMeeting cmd, LuoshiUser actor) {
        if (!actor.hasAny(Role.SUPERVISOR, Role.ADMIN)) {
            throw DomainException.forbidden("task.error.onlySupervisorRegisters");
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (cmd.title() == null || cmd.title().isBlank()) {
            problems.add(new FieldProblem("title", "validation.NotBlank"));
        } else if (cmd.title().strip().length() > 300) {
            problems.add(new FieldProblem("title", "validation.tooLong", 300));
        }
        if (cmd.meetingDate() == null) {
            problems.add(new FieldProblem("meetingDate", "validation.NotNull"));
        }
        Long organiser = cmd.organiserUnitId() != null ? cmd.organiserUnitId() : actor.unitId();
        if (organiser == null || units.find(organiser).filter(u -> actor.scope().covers(u)).isEmpty()) {
            problems.add(new FieldProblem("organiserUnitId", "task.error.unitOutOfScope", organiser));
        }
        if (cmd.occasion() != null && cmd.occasion().length() > 200) {
            problems.add(new FieldProblem("occasion", "validation.tooLong", 200));
        }
        if (cmd.speakerRole() != null && cmd.speakerRole().length() > 100) {
            problems.add(new FieldProblem("speakerRole", "validation.tooLong", 100));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        long id = meetings.insert(cmd.title().strip(), cmd.meetingDate(), blankToNull(cmd.occasion()), organiser,
                blankToNull(cmd.speakerRole()), blankToNull(cmd.speechText()), actor.getUsername(),
                OffsetDateTime.now(clock));
        Meeting created = meetings.find(id, actor.scope()).orElseThrow();
        events.publishEvent(new AuditRecord("task.meeting.created", "Meeting", String.valueOf(id), organiser,
                "登记会议「" + created.title() + "」", null, created));
        return created;
    }

    public Optional<Meeting> find(long id, LuoshiUser actor) {
        return meetings.find(id, actor.scope());
    }

    /** The speech text of a visible meeting, if one was kept. */
    public Optional<String> speechText(long id, LuoshiUser actor) {
        return meetings.find(id, actor.scope()).flatMap(m -> meetings.speechText(id));
    }

    /** Newest first; {@code q} matches the title. */
    public PageResponse<Meeting> list(String q, LuoshiUser actor, Paging paging) {
        return meetings.page(q == null || q.isBlank() ? null : q.strip(), actor.scope(), paging);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
