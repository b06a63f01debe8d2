package cn.luoshi.task.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.task.Meeting;
import cn.luoshi.task.Meetings;
import cn.luoshi.task.NewMeeting;
import cn.luoshi.task.SourceKind;
import cn.luoshi.task.TaskSummary;
import cn.luoshi.task.Tasks;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meetings as task sources: list, read, register, and the tasks a meeting deployed. */
@RestController
@RequestMapping("/api/v1/meetings")
class MeetingApiController {

    private final Meetings meetings;
    private final Tasks tasks;

    MeetingApiController(Meetings meetings, Tasks tasks) {
        this.meetings = meetings;
        this.tasks = tasks;
    }

    @GetMapping
    PageResponse<Meeting> list(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) String q,
                               @RequestParam(required = false) Integer page,
                               @RequestParam(required = false) Integer size) {
        return meetings.list(q, me, Paging.of(page, size));
    }

    @GetMapping("/{id}")
    Meeting get(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        return meetings.find(id, me).orElseThrow(() -> DomainException.notFound("task.meeting", id));
    }

    @GetMapping("/{id}/tasks")
    List<TaskSummary> tasks(@AuthenticationPrincipal LuoshiUser me, @PathVariable long id) {
        get(me, id);
        return tasks.bySource(SourceKind.MEETING, id, me);
    }

    record CreateRequest(@NotBlank String title, @NotNull LocalDate meetingDate, String occasion,
                         Long organiserUnitId, String speakerRole, String speechText) {
    }

    @PostMapping
    ResponseEntity<Meeting> create(@AuthenticationPrincipal LuoshiUser me, @Valid @RequestBody CreateRequest r) {
        Meeting created = meetings.create(new NewMeeting(r.title(), r.meetingDate(), r.occasion(),
                r.organiserUnitId(), r.speakerRole(), r.speechText()), me);
        return ResponseEntity.created(URI.create("/api/v1/meetings/" + created.id())).body(created);
    }
}
