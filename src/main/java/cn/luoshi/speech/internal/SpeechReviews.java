package cn.luoshi.speech.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.project.NewProject;
import cn.luoshi.project.Project;
import cn.luoshi.project.ProjectCategory;
import cn.luoshi.project.ProjectSource;
import cn.luoshi.project.Projects;
import cn.luoshi.speech.ProjectKind;
import cn.luoshi.speech.SpeechExtraction;
import cn.luoshi.speech.SpeechExtractor;
import cn.luoshi.speech.SpeechProject;
import cn.luoshi.speech.SpeechTarget;
import cn.luoshi.speech.SpeechTask;
import cn.luoshi.speech.SpeechTooLargeException;
import cn.luoshi.target.NewTarget;
import cn.luoshi.target.TargetComparator;
import cn.luoshi.target.TargetSource;
import cn.luoshi.target.Targets;
import cn.luoshi.task.Meeting;
import cn.luoshi.task.Meetings;
import cn.luoshi.task.NewMeeting;
import cn.luoshi.task.NewTask;
import cn.luoshi.task.RegisteredTask;
import cn.luoshi.task.SourceKind;
import cn.luoshi.task.TaskSource;
import cn.luoshi.task.TaskSummary;
import cn.luoshi.task.Tasks;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading a speech for review and registering what the reviewer ticked: the meeting, its tasks, targets and
 * projects in one transaction. Items are keyed by their offsets in the stored text, so registering the same speech
 * again finds what the first registration wrote.
 */
@Service
class SpeechReviews {

    static final int TITLE_MAX = 300;

    private final SpeechImportRepository imports;
    private final SpeechExtractor extractor;
    private final Meetings meetings;
    private final Tasks tasks;
    private final Targets targets;
    private final Projects projects;
    private final Indicators indicators;
    private final OrgUnits units;
    private final Messages messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    SpeechReviews(SpeechImportRepository imports, SpeechExtractor extractor, Meetings meetings, Tasks tasks,
                  Targets targets, Projects projects, Indicators indicators, OrgUnits units, Messages messages,
                  ApplicationEventPublisher events, Clock clock) {
        this.imports = imports;
        this.extractor = extractor;
        this.meetings = meetings;
        this.tasks = tasks;
        this.targets = targets;
        this.projects = projects;
        this.indicators = indicators;
        this.units = units;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    /** speech_import.file_name holds this many characters. */
    static final int MAX_FILE_NAME = 300;

    static boolean mayRegister(LuoshiUser me) {
        return me.hasAny(Role.SUPERVISOR, Role.ADMIN);
    }

    /** Extracts a text, turning the size refusal into the API's 413. */
    SpeechExtraction extract(String text) {
        try {
            return extractor.extract(text);
        } catch (SpeechTooLargeException e) {
            throw new DomainException(HttpStatus.CONTENT_TOO_LARGE, "speech.error.textTooLarge",
                    e.limit() / 1024 / 1024);
        }
    }

    /**
     * Keeps a speech for review. The same text already registered by the user's unit gives back that registration,
     * so a second import shows what was registered instead of starting over.
     */
    @Transactional
    SpeechImport read(String rawText, String fileName, LuoshiUser me) {
        if (!mayRegister(me)) {
            throw DomainException.forbidden("speech.error.onlySupervisor");
        }
        String text = rawText == null ? "" : rawText.replace("\r\n", "\n").replace('\r', '\n');
        if (text.isBlank()) {
            throw DomainException.invalid("speech.error.emptyText");
        }
        extract(text);
        Long organiser = me.unitId();
        if (organiser == null) {
            throw DomainException.forbidden("speech.error.onlySupervisor");
        }
        String sha = SpeechIdentity.fingerprint(text);
        Optional<SpeechImport> registered = imports.findRegistered(sha, organiser);
        if (registered.isPresent()) {
            return registered.get();
        }
        String name = fileName == null || fileName.isBlank() ? null : fileName.strip();
        if (name != null && name.length() > MAX_FILE_NAME) {
            // The register keeps 300 characters: the end, which holds the extension and most often the difference.
            name = name.substring(name.length() - MAX_FILE_NAME);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        Optional<Match> edited = closestRegistered(text, organiser);
        if (edited.isPresent()) {
            Match match = edited.get();
            long id = imports.insertRevision(sha, text, name, organiser, me.id(), now, match.original(),
                    match.similarity());
            SpeechImport created = imports.find(id, me.scope()).orElseThrow();
            events.publishEvent(new AuditRecord("speech.imported", "SpeechImport", Long.toString(id), organiser,
                    messages.chinese("speech.audit.revision", text.length(), match.original().id(),
                            percent(created.similarity())), null,
                    Map.of("fileName", String.valueOf(created.fileName()), "sha256", sha,
                            "revisionOf", match.original().id(), "similarity", created.similarity())));
            return created;
        }
        long id = imports.insert(sha, text, name, organiser, me.id(), now);
        SpeechImport created = imports.find(id, me.scope()).orElseThrow();
        events.publishEvent(new AuditRecord("speech.imported", "SpeechImport", Long.toString(id), organiser,
                messages.chinese("speech.audit.imported", text.length()), null,
                Map.of("fileName", String.valueOf(created.fileName()), "sha256", sha)));
        return created;
    }

    /**
     * The reviewer says an edited copy is another speech after all (a second meeting on the same theme): it leaves
     * the matched meeting and registers as a meeting of its own. Refused once items were registered from it.
     */
    @Transactional
    SpeechImport registerApart(long importId, int version, LuoshiUser me) {
        if (!mayRegister(me)) {
            throw DomainException.forbidden("speech.error.onlySupervisor");
        }
        SpeechImport speech = imports.find(importId, me.scope())
                .orElseThrow(() -> DomainException.notFound("speech.import", importId));
        if (!speech.revision() || speech.registeredAt() != null) {
            throw DomainException.conflict("speech.error.notDetachable");
        }
        if (!imports.detach(speech.id(), version)) {
            throw DomainException.staleVersion(messages.get("speech.import"));
        }
        events.publishEvent(new AuditRecord("speech.detached", "SpeechImport", Long.toString(speech.id()),
                speech.organiserUnitId(), messages.chinese("speech.audit.detached", speech.revisionOf()), null,
                Map.of("revisionOf", speech.revisionOf())));
        return imports.find(importId, me.scope()).orElseThrow();
    }

    /** A registered speech and how much of it an edited copy shares. */
    record Match(SpeechImport original, double similarity) {
    }

    /**
     * Two copies sharing this much are one speech edited (a changed line, an added paragraph); different speeches
     * of one office share a fifth at most, one changed line of a short speech leaves three quarters.
     */
    static final double SAME_SPEECH = 0.6;

    /** The organiser's registered speech this text is an edited copy of, if any: the closest above the bar. */
    Optional<Match> closestRegistered(String text, long organiser) {
        Match best = null;
        for (SpeechImport candidate : imports.registeredOfLength(organiser, text.length(), 50)) {
            double similarity = SpeechIdentity.similarity(text, candidate.text());
            if (similarity >= SAME_SPEECH && (best == null || similarity > best.similarity())) {
                best = new Match(candidate, similarity);
            }
        }
        return Optional.ofNullable(best);
    }

    /** A share as a whole percentage, rounded down so that 99.9 % never reads as 100 %. */
    static int percent(Double share) {
        return share == null ? 0 : (int) Math.floor(share * 100 + 1e-9);
    }

    Optional<SpeechImport> find(long id, LuoshiUser me) {
        return imports.find(id, me.scope());
    }

    List<SpeechImport> recent(LuoshiUser me) {
        return imports.recent(me.id(), me.scope(), 10);
    }

    /** Task keys already registered from this import's meeting, with the task each became. */
    Map<String, TaskSummary> registeredTasks(SpeechImport speech, LuoshiUser me) {
        Map<String, TaskSummary> byKey = new LinkedHashMap<>();
        if (speech.registered()) {
            for (TaskSummary t : tasks.bySource(SourceKind.MEETING, speech.meetingId(), me)) {
                if (t.sourceKey() != null) {
                    byKey.put(t.sourceKey(), t);
                }
            }
        }
        return byKey;
    }

    /** Projects already registered from this import's meeting, by key. */
    Map<String, Project> registeredProjects(SpeechImport speech, SpeechExtraction extraction) {
        Map<String, Project> byKey = new LinkedHashMap<>();
        if (speech.registered()) {
            for (SpeechProject p : extraction.projects()) {
                projects.findBySource(new ProjectSource(speech.meetingId(), projectKey(p)))
                        .ifPresent(found -> byKey.put(projectKey(p), found));
            }
        }
        return byKey;
    }

    boolean indicatorKnown(String name) {
        return name != null && indicators.findByName(name).isPresent();
    }

    /** The region a user's targets are set for by default: the region of its working area. */
    Optional<OrgUnit> homeRegion(LuoshiUser me) {
        return units.workingArea(me.scope()).stream().filter(OrgUnit::isRegion).findFirst();
    }

    /** Registers what was ticked. Any refusal names the item and leaves nothing written. */
    @Transactional
    RegistrationOutcome register(long importId, RegistrationForm form, LuoshiUser me) {
        if (!mayRegister(me)) {
            throw DomainException.forbidden("speech.error.onlySupervisor");
        }
        SpeechImport speech = imports.find(importId, me.scope())
                .orElseThrow(() -> DomainException.notFound("speech.import", importId));
        if (form.version != null && form.version != speech.version()) {
            throw DomainException.staleVersion(messages.get("speech.import"));
        }
        SpeechExtraction extraction = extract(speech.text());
        OffsetDateTime now = OffsetDateTime.now(clock);

        boolean meetingCreated = false;
        long meetingId;
        if (speech.registered()) {
            meetingId = speech.meetingId();
            if (speech.revision()) {
                imports.markRevisionRegistered(speech.id(), now);
            }
        } else {
            Meeting meeting = meetings.create(new NewMeeting(form.meetingTitle, form.meetingDate, form.occasion,
                    speech.organiserUnitId(), form.speakerRole, speech.text()), me);
            meetingId = meeting.id();
            meetingCreated = true;
            try {
                if (!imports.markRegistered(speech.id(), meetingId, speech.version(), now)) {
                    throw DomainException.staleVersion(messages.get("speech.import"));
                }
            } catch (DuplicateKeyException e) {
                throw DomainException.conflict("speech.error.registeredMeanwhile");
            }
        }
        LocalDate meetingDate = form.meetingDate != null ? form.meetingDate : LocalDate.now(clock);
        LocalDate defaultDue = form.defaultDueDate != null ? form.defaultDueDate
                : LocalDate.of(meetingDate.getYear(), 12, 31);

        Map<String, SpeechTask> taskByKey = new LinkedHashMap<>();
        extraction.tasks().forEach(t -> taskByKey.put(taskKey(t), t));
        List<NewTask> newTasks = new ArrayList<>();
        List<String> taskLabels = new ArrayList<>();
        for (RegistrationForm.TaskItem item : form.tasks) {
            if (item == null || !item.selected) {
                continue;
            }
            SpeechTask found = taskByKey.get(item.key);
            if (found == null) {
                throw DomainException.invalid("speech.error.unknownItem", item.key);
            }
            String title = item.title == null || item.title.isBlank() ? shortTitle(found.text()) : item.title.strip();
            Long lead = item.leadUnitId != null ? item.leadUnitId : form.defaultLeadUnitId;
            if (lead == null) {
                throw DomainException.invalid("speech.error.taskWithoutUnit", shortLabel(title));
            }
            LocalDate due = item.dueDate != null ? item.dueDate : defaultDue;
            newTasks.add(new NewTask(title, found.text(), lead, List.of(), null, null, due, null, null, List.of(), null,
                    TaskSource.meeting(meetingId, outlinePath(found), found.text(), item.key), false, false));
            taskLabels.add(title);
        }
        int tasksCreated = 0;
        int tasksExisting = 0;
        for (int i = 0; i < newTasks.size(); i++) {
            NewTask task = newTasks.get(i);
            RegisteredTask registered = itemStep("speech.kind.task", i, taskLabels.get(i),
                    () -> tasks.register(task, me));
            if (registered.created()) {
                tasksCreated++;
            } else {
                tasksExisting++;
            }
        }

        Map<String, SpeechTarget> targetByKey = new LinkedHashMap<>();
        extraction.targets().forEach(t -> targetByKey.put(targetKey(t), t));
        int targetCount = 0;
        int index = 0;
        for (RegistrationForm.TargetItem item : form.targets) {
            if (item == null || !item.selected) {
                continue;
            }
            SpeechTarget found = targetByKey.get(item.key);
            if (found == null) {
                throw DomainException.invalid("speech.error.unknownItem", item.key);
            }
            Long unit = item.unitId != null ? item.unitId : homeRegion(me).map(OrgUnit::id).orElse(null);
            int baseYear = item.baseYear != null ? item.baseYear : defaultBaseYear(found, meetingDate);
            Integer year = item.year != null ? item.year : targetYear(found, meetingDate, baseYear);
            if (item.baseYear == null && baseYear >= year) {
                baseYear = year - 1;
            }
            BigDecimal value = item.value != null ? item.value : found.value();
            NewTarget target = new NewTarget(indicatorName(found), unit, year, baseYear, comparator(found), null, value,
                    null, null, null, shortLabel(found.text()), new TargetSource(meetingId, item.key), false);
            itemStep("speech.kind.target", index++, target.indicator(), () -> targets.register(target, me));
            targetCount++;
        }

        Map<String, SpeechProject> projectByKey = new LinkedHashMap<>();
        extraction.projects().forEach(p -> projectByKey.put(projectKey(p), p));
        int projectsCreated = 0;
        int projectsExisting = 0;
        index = 0;
        for (RegistrationForm.ProjectItem item : form.projects) {
            if (item == null || !item.selected) {
                continue;
            }
            SpeechProject found = projectByKey.get(item.key);
            if (found == null) {
                throw DomainException.invalid("speech.error.unknownItem", item.key);
            }
            String name = item.name == null || item.name.isBlank() ? found.name() : item.name.strip();
            Long lead = item.leadUnitId != null ? item.leadUnitId : form.defaultLeadUnitId;
            if (lead == null) {
                throw DomainException.invalid("speech.error.projectWithoutUnit", name);
            }
            ProjectCategory category = category(item.category, found.kind());
            ProjectSource source = new ProjectSource(meetingId, item.key);
            boolean existed = projects.findBySource(source).isPresent();
            NewProject project = NewProject.named(name, category, null, lead, meetingDate.getYear(), source);
            itemStep("speech.kind.project", index++, name, () -> projects.register(project, me));
            if (existed) {
                projectsExisting++;
            } else {
                projectsCreated++;
            }
        }

        RegistrationOutcome outcome = new RegistrationOutcome(meetingId, meetingCreated, tasksCreated, tasksExisting,
                targetCount, projectsCreated, projectsExisting);
        events.publishEvent(new AuditRecord("speech.registered", "Meeting", Long.toString(meetingId),
                speech.organiserUnitId(), "从讲话稿登记：任务新增 " + tasksCreated + " 项（已有 " + tasksExisting
                + " 项），目标 " + targetCount + " 项，项目新增 " + projectsCreated + " 个（已有 " + projectsExisting
                + " 个）", null, outcome));
        return outcome;
    }

    /** Runs one item's registration; a refusal is re-thrown naming the item, which rolls everything back. */
    private <T> T itemStep(String kind, int index, String label, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (DomainException e) {
            throw new DomainException(e.status(), "speech.error.item", messages.get(kind), index + 1,
                    shortLabel(label), FormErrors.message(e, messages));
        }
    }

    /** Items are keyed by their normalised text, so a copy with other layout or offsets finds them again. */
    static String taskKey(SpeechTask t) {
        return SpeechIdentity.taskKey(t);
    }

    static String targetKey(SpeechTarget t) {
        return SpeechIdentity.targetKey(t);
    }

    static String projectKey(SpeechProject p) {
        return SpeechIdentity.projectKey(p);
    }

    static String outlinePath(SpeechTask t) {
        String path = String.join(" › ", t.outlinePath());
        return path.length() > 500 ? path.substring(0, 499) + "…" : path;
    }

    static String shortTitle(String text) {
        String t = text.strip();
        return t.length() > TITLE_MAX ? t.substring(0, TITLE_MAX - 1) + "…" : t;
    }

    static String shortLabel(String text) {
        String t = text == null ? "" : text.strip();
        return t.length() > 40 ? t.substring(0, 39) + "…" : t;
    }

    /**
     * The year a target is due: the deadline the speech states ("到2026年"), else its span counted from the base year
     * ("三年翻一番" from 2025 → 2028), else the meeting's year.
     */
    static Integer targetYear(SpeechTarget t, LocalDate meetingDate, int baseYear) {
        if (t.deadline() != null) {
            return t.deadline();
        }
        if (t.horizonYears() != null) {
            return baseYear + t.horizonYears();
        }
        return meetingDate.getYear();
    }

    /**
     * The base year the review form offers: the one the speech states for the target, else the last complete year
     * before the meeting (a meeting in 2026 measures from 2025's figures).
     */
    static int defaultBaseYear(SpeechTarget t, LocalDate meetingDate) {
        Integer stated = statedBaseYear(t.text());
        if (stated != null) {
            return stated;
        }
        int lastComplete = meetingDate.getYear() - 1;
        return t.deadline() != null && t.deadline() <= lastComplete ? t.deadline() - 1 : lastComplete;
    }

    private static final List<String> BASE_BEFORE = List.of("相比", "相较", "对比", "比", "较", "以", "在");
    private static final List<String> BASE_AFTER = List.of("基础上", "的基础上", "为基数", "为基期", "为基准");

    private static final java.util.regex.Pattern BASE_TAIL = java.util.regex.Pattern.compile(
            "(?:相比|相较|对比|比|较|以|在)?(?:\\d{4}|[〇零一二三四五六七八九]{4})年(?:的?基础上|为基数|为基期|为基准)?$");

    /**
     * The indicator a target names, without the base year the extractor may leave attached to it
     * ("规模工业总产值比2024年" → "规模工业总产值"): the year is the target's base, not part of the name.
     */
    static String indicatorName(SpeechTarget t) {
        String name = t.indicator();
        if (name == null || statedBaseYear(t.text()) == null) {
            return name;
        }
        String stripped = BASE_TAIL.matcher(name).replaceFirst("").strip();
        return stripped.isEmpty() ? name : stripped;
    }

    /** A year the clause measures from: "比2020年翻一番", "较2024年增长", "在2024年基础上", "以2024年为基数". */
    static Integer statedBaseYear(String clause) {
        if (clause == null) {
            return null;
        }
        for (Periods.Period p : Periods.findAll(clause, 0, clause.length())) {
            if (p.year() == null || p.deadline()) {
                continue;
            }
            String before = clause.substring(0, p.start());
            String after = clause.substring(p.end());
            if (BASE_BEFORE.stream().anyMatch(before::endsWith) || BASE_AFTER.stream().anyMatch(after::startsWith)) {
                return p.year();
            }
        }
        return null;
    }

    static TargetComparator comparator(SpeechTarget t) {
        String c = t.comparator() == null ? "" : t.comparator();
        if (c.contains("翻")) {
            return TargetComparator.DOUBLE;
        }
        if (c.contains("前")) {
            return TargetComparator.TOP_N;
        }
        if (c.contains("平均")) {
            return TargetComparator.ABOVE_AVERAGE;
        }
        if (c.contains("增长") || c.contains("增速") || "%".equals(t.unit())) {
            return TargetComparator.GROWTH;
        }
        if (c.contains("突破") || c.contains("超")) {
            return TargetComparator.EXCEED;
        }
        return TargetComparator.REACH;
    }

    static ProjectCategory defaultCategory(ProjectKind kind) {
        return kind == ProjectKind.TRANSPORT || kind == ProjectKind.WORKS ? ProjectCategory.INFRASTRUCTURE
                : ProjectCategory.INDUSTRY;
    }

    private static ProjectCategory category(String chosen, ProjectKind kind) {
        if (chosen != null && !chosen.isBlank()) {
            try {
                return ProjectCategory.valueOf(chosen.strip());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid("speech.error.category", chosen);
            }
        }
        return defaultCategory(kind);
    }
}
