package cn.luoshi.appeal.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import cn.luoshi.appeal.AppealCategory;
import cn.luoshi.appeal.AppealChannel;
import cn.luoshi.appeal.AppealStatus;
import cn.luoshi.appeal.AppealStatusChanged;
import cn.luoshi.appeal.FiledAppeal;
import cn.luoshi.appeal.NewAppeal;
import cn.luoshi.appeal.SlaTier;
import cn.luoshi.common.CreditCode;
import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.files.FileStore;
import cn.luoshi.common.files.StoredFile;
import cn.luoshi.notify.NotificationRequested;
import cn.luoshi.notify.Recipients;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.project.Projects;
import cn.luoshi.task.Tasks;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Turns a {@link NewAppeal} from any channel into a stored appeal: validates every field (credit code with its
 * check character, lengths, control characters), looks for a likely duplicate among the enterprise's open appeals,
 * stores attachments through the checked file store, sets the SLA deadlines from the working-day calendar, and
 * hands out the follow-up token once. Text is stored exactly as typed; pages escape it when showing it.
 */
@Component
public class Intake {

    public static final int MAX_CONTENT = 5000;
    public static final int MAX_FILES = 5;
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
    private static final Pattern PHONE = Pattern.compile("[0-9+\\- ()]{7,20}");
    private static final int DUPLICATE_WINDOW = 200;

    private final AppealRepository repository;
    private final AppealCatalog catalog;
    private final WorkingCalendar calendar;
    private final OrgUnits units;
    private final FileStore files;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final String dispatchUnitCode;
    private final Projects projects;
    private final Tasks tasks;

    Intake(AppealRepository repository, AppealCatalog catalog, WorkingCalendar calendar, OrgUnits units,
           FileStore files, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock,
           LuoshiProperties properties, @Value("${luoshi.appeals.dispatch-unit:990100-YSJ}") String dispatchUnitCode,
           Projects projects, Tasks tasks) {
        this.projects = projects;
        this.tasks = tasks;
        this.repository = repository;
        this.catalog = catalog;
        this.calendar = calendar;
        this.units = units;
        this.files = files;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.zone();
        this.dispatchUnitCode = dispatchUnitCode;
    }

    /**
     * @param actor  the signed-in user, or null for the public form and Open311 clients
     * @param client the Open311 client system filing, or null
     */
    public FiledAppeal file(NewAppeal cmd, LuoshiUser actor, List<MultipartFile> uploads, Long client) {
        String createdBy = actor != null ? actor.getUsername() : client != null ? "open311:" + client : "public";
        if (StringUtils.hasText(cmd.sourceKey())) {
            Optional<AppealRepository.KeyedAppeal> existing = repository.bySourceKey(cmd.sourceKey().strip());
            if (existing.isPresent()) {
                // A retry with the same key learns the appeal it filed; anyone else (the public form included,
                // whose filers cannot be told apart) only learns that the key is taken, unless it sees the appeal
                // anyway within its own scope.
                long id = existing.get().id();
                boolean sameFiler = (actor != null || client != null) && createdBy.equals(existing.get().createdBy());
                boolean visible = actor != null && repository.find(id, actor.scope(), now()).isPresent();
                if (!sameFiler && !visible) {
                    throw DomainException.conflict("appeal.error.sourceKeyTaken");
                }
                var a = repository.findUnscoped(id, now()).orElseThrow();
                return new FiledAppeal(a.id(), a.code(), null, a.status(), a.answerDueAt(), true,
                        a.deadlineEstimated());
            }
        }
        boolean enterprise = actor != null && actor.has(Role.ENTERPRISE);
        boolean staff = actor != null && !enterprise;
        AppealChannel channel = channelFor(cmd.channel(), actor, client);
        String creditCode = enterprise ? actor.creditCode() : CreditCode.normalise(cmd.creditCode());

        List<FieldProblem> problems = new ArrayList<>();
        if (!StringUtils.hasText(creditCode)) {
            problems.add(new FieldProblem("creditCode", "validation.NotBlank"));
        } else if (!CreditCode.isValid(creditCode)) {
            problems.add(new FieldProblem("creditCode", "appeal.error.creditCode"));
        }
        String enterpriseName = text(cmd.enterpriseName(), "enterpriseName", 200, true, problems);
        String contactName = text(cmd.contactName(), "contactName", 60, true, problems);
        String phone = text(cmd.contactPhone(), "contactPhone", 32, true, problems);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(new FieldProblem("contactPhone", "appeal.error.phone"));
        }
        String email = text(cmd.contactEmail(), "contactEmail", 200, false, problems);
        if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            problems.add(new FieldProblem("contactEmail", "validation.Email"));
        }
        String content = text(cmd.content(), "content", MAX_CONTENT, true, problems);
        if (content != null && content.codePointCount(0, content.length()) < 5) {
            problems.add(new FieldProblem("content", "appeal.error.contentShort", 5));
        }
        String title = text(cmd.title(), "title", 200, false, problems);
        if (title == null && content != null) {
            title = summarise(content);
        }
        String address = text(cmd.address(), "address", 300, false, problems);
        AppealCategory category = null;
        if (!StringUtils.hasText(cmd.categoryCode())) {
            problems.add(new FieldProblem("categoryCode", "validation.NotBlank"));
        } else {
            category = catalog.category(cmd.categoryCode().strip()).filter(AppealCategory::active).orElse(null);
            if (category == null) {
                problems.add(new FieldProblem("categoryCode", "appeal.error.category", cmd.categoryCode()));
            }
        }
        checkCoordinate(cmd.latitude(), 90, "lat", problems);
        checkCoordinate(cmd.longitude(), 180, "long", problems);
        if (cmd.sourceKey() != null && cmd.sourceKey().strip().length() > 120) {
            problems.add(new FieldProblem("sourceKey", "validation.tooLong", 120));
        }
        if (uploads.size() > MAX_FILES) {
            problems.add(new FieldProblem("files", "appeal.error.tooManyFiles", MAX_FILES));
        }
        checkLinks(cmd, actor, problems);
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }

        OrgUnit dispatchUnit = dispatchUnitFor(actor);
        OrgUnit responsible = null;
        List<Long> coUnits = List.of();
        if (cmd.responsibleUnitId() != null) {
            if (!staff) {
                throw DomainException.forbidden("appeal.error.onlyStaffAssign");
            }
            OrgUnit region = regionOf(dispatchUnit);
            responsible = units.find(cmd.responsibleUnitId()).filter(OrgUnit::active)
                    .filter(u -> u.isWithin(region)).orElseThrow(() -> DomainException.invalidFields(List.of(
                            new FieldProblem("responsibleUnitId", "appeal.error.unitOutside", region.name()))));
            List<Long> co = new ArrayList<>();
            for (Long id : new LinkedHashSet<>(cmd.coUnitIds())) {
                if (id == null || id == responsible.id()) {
                    continue;
                }
                co.add(units.find(id).filter(OrgUnit::active).filter(u -> u.isWithin(region))
                        .orElseThrow(() -> DomainException.invalidFields(List.of(new FieldProblem("coUnitIds",
                                "appeal.error.unitOutside", region.name())))).id());
            }
            coUnits = co;
        }

        Long duplicateOf = null;
        var match = likelyDuplicate(creditCode, title + "\n" + content);
        if (match.isPresent()) {
            duplicateOf = match.get().id();
            // Only someone who may see the earlier appeal is shown it; the public form never learns about
            // another filer's appeals, the dispatcher sees the flag instead.
            boolean visible = actor != null && repository.find(match.get().id(), actor.scope(), now()).isPresent();
            if (visible && !cmd.confirmDuplicate()) {
                throw DomainException.conflict("appeal.error.possibleDuplicate", match.get().code(),
                        match.get().title());
            }
        }

        SlaTier tier = catalog.tier(category.slaTier()).orElseThrow();
        OffsetDateTime now = now();
        String token = Secrets.newToken(24);
        String code = repository.nextCode(now);
        OffsetDateTime answerDue = calendar.plusWorkingDays(now.atZoneSameInstant(zone), tier.answerDays())
                .toOffsetDateTime();
        AppealStatus status = responsible == null ? AppealStatus.SUBMITTED : AppealStatus.DISPATCHED;
        OffsetDateTime acceptDue = responsible == null ? null
                : calendar.plusWorkingHours(now.atZoneSameInstant(zone), tier.acceptHours()).toOffsetDateTime();
        long id = repository.insert(new AppealRepository.InsertRow(code, creditCode, enterpriseName, contactName,
                phone, email, category.id(), title, content, channel, status, dispatchUnit.id(),
                responsible == null ? null : responsible.id(), cmd.projectId(), cmd.taskId(), cmd.meetingId(),
                StringUtils.hasText(cmd.sourceKey()) ? cmd.sourceKey().strip() : null, client, address,
                cmd.latitude(), cmd.longitude(), duplicateOf, now, responsible == null ? null : now, acceptDue,
                answerDue, Secrets.hash(token), createdBy));
        repository.setCoUnits(id, coUnits);
        for (MultipartFile upload : uploads) {
            if (upload == null || upload.isEmpty()) {
                continue;
            }
            StoredFile stored = files.store(upload, FileStore.DOCUMENTS_AND_IMAGES, MAX_FILE_BYTES, createdBy);
            repository.addAttachment(id, stored.id());
        }
        String actorName = actor != null ? actor.displayName() : enterpriseName;
        repository.addEvent(id, now, actorName, "FILE", null, status, null,
                responsible == null ? null : responsible.id(), null);
        if (responsible != null) {
            repository.addEvent(id, now, actorName, "DISPATCH", AppealStatus.SUBMITTED, status, null,
                    responsible.id(), null);
        }
        Long auditUnit = responsible != null ? responsible.id() : dispatchUnit.id();
        events.publishEvent(new AuditRecord("appeal.filed", "Appeal", String.valueOf(id), auditUnit,
                "登记企业诉求 " + code + "（" + enterpriseName + "）：" + title, null,
                new Filed(code, creditCode, channel, category.code(), status, auditUnit)));
        events.publishEvent(new AppealStatusChanged(id, code, null, status, cmd.projectId(), cmd.taskId(),
                cmd.sourceKey()));
        List<Long> notifyUnits = new ArrayList<>();
        notifyUnits.add(responsible != null ? responsible.id() : dispatchUnit.id());
        notifyUnits.addAll(coUnits);
        events.publishEvent(new NotificationRequested(Recipients.units(notifyUnits,
                Set.of(Role.UNIT_HANDLER, Role.UNIT_HEAD)),
                responsible != null ? "APPEAL_DISPATCHED" : "APPEAL_SUBMITTED",
                (responsible != null ? "新的企业诉求待签收：" : "新的企业诉求待派发：") + code,
                enterpriseName + "：" + title, "/appeals/" + id, "appeal-filed-" + id));
        boolean estimated = calendar.estimated(now.atZoneSameInstant(zone), answerDue.atZoneSameInstant(zone));
        return new FiledAppeal(id, code, token, status, answerDue, false, estimated);
    }

    /**
     * A project, task or on-site meeting an appeal is linked to must lie within the filer's scope; the public form,
     * Open311 clients and enterprises link to nothing they cannot see (a link they name is refused, not dropped).
     */
    private void checkLinks(NewAppeal cmd, LuoshiUser actor, List<FieldProblem> problems) {
        if (cmd.projectId() != null && (actor == null || !projectVisible(cmd.projectId(), actor))) {
            problems.add(new FieldProblem("projectId", "appeal.error.linkOutOfScope", cmd.projectId()));
        }
        if (cmd.taskId() != null && (actor == null || tasks.find(cmd.taskId(), actor).isEmpty())) {
            problems.add(new FieldProblem("taskId", "appeal.error.linkOutOfScope", cmd.taskId()));
        }
        if (cmd.meetingId() != null) {
            boolean exists = jdbc.sql("select count(*) from appeal_on_site_meeting where id = ?")
                    .param(cmd.meetingId()).query(Long.class).single() > 0;
            if (!exists) {
                problems.add(new FieldProblem("meetingId", "appeal.error.meeting"));
            } else if (actor == null || actor.scope().isEnterprise() || jdbc.sql(
                            "select count(*) from appeal_on_site_meeting m where m.id = :id and m.host_unit_id in "
                                    + "(select su.id from org_unit su where su.path like :scopePath)")
                    .param("id", cmd.meetingId()).param("scopePath", actor.scope().pathPattern())
                    .query(Long.class).single() == 0) {
                problems.add(new FieldProblem("meetingId", "appeal.error.linkOutOfScope", cmd.meetingId()));
            }
        }
    }

    private boolean projectVisible(long id, LuoshiUser actor) {
        try {
            projects.get(id, actor);
            return true;
        } catch (DomainException e) {
            return false;
        }
    }

    /** What the audit log keeps of a new appeal. */
    record Filed(String code, String creditCode, AppealChannel channel, String category, AppealStatus status,
                 Long unitId) {
    }

    public boolean tokenMatches(long id, String token) {
        return StringUtils.hasText(token) && repository.tokenHash(id).map(h -> Secrets.matches(token.strip(), h))
                .orElse(false);
    }

    /** The enterprise's open appeal most like the text, if any is alike enough to be the same problem. */
    public Optional<AppealRepository.OpenAppeal> likelyDuplicate(String creditCode, String text) {
        AppealRepository.OpenAppeal best = null;
        double bestScore = 0;
        for (var open : repository.openOf(creditCode, DUPLICATE_WINDOW)) {
            double score = Similarity.jaccard(text, open.title() + "\n" + open.content());
            if (score > bestScore) {
                best = open;
                bestScore = score;
            }
        }
        return bestScore >= Similarity.DUPLICATE_THRESHOLD ? Optional.of(best) : Optional.empty();
    }

    private static AppealChannel channelFor(AppealChannel requested, LuoshiUser actor, Long client) {
        if (client != null) {
            return AppealChannel.OPEN311;
        }
        if (actor == null || actor.has(Role.ENTERPRISE)) {
            return AppealChannel.PUBLIC_FORM;
        }
        if (requested == null) {
            return AppealChannel.API;
        }
        if (requested == AppealChannel.PUBLIC_FORM || requested == AppealChannel.OPEN311) {
            throw DomainException.invalidFields(List.of(new FieldProblem("channel", "appeal.error.channel")));
        }
        return requested;
    }

    private OrgUnit dispatchUnitFor(LuoshiUser actor) {
        if (actor != null && !actor.has(Role.ENTERPRISE) && actor.unitId() != null) {
            return units.get(actor.unitId());
        }
        return units.findByCode(dispatchUnitCode)
                .orElseGet(() -> units.visible(cn.luoshi.org.DataScope.everything(), false).stream().findFirst()
                        .orElseThrow(() -> new IllegalStateException("no org unit to receive appeals")));
    }

    private OrgUnit regionOf(OrgUnit unit) {
        return units.regionOf(unit.id());
    }

    private static String text(String value, String field, int max, boolean required, List<FieldProblem> problems) {
        if (!StringUtils.hasText(value)) {
            if (required) {
                problems.add(new FieldProblem(field, "validation.NotBlank"));
            }
            return null;
        }
        String v = value.strip();
        if (v.length() > max) {
            problems.add(new FieldProblem(field, "validation.tooLong", max));
            return null;
        }
        // NUL and other control characters cannot be stored or shown meaningfully; line breaks and tabs can.
        if (v.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t' || c == 0x7F)) {
            problems.add(new FieldProblem(field, "appeal.error.controlChars"));
            return null;
        }
        return v;
    }

    private static void checkCoordinate(BigDecimal value, int limit, String field, List<FieldProblem> problems) {
        if (value != null && value.abs().compareTo(BigDecimal.valueOf(limit)) > 0) {
            problems.add(new FieldProblem(field, "appeal.error.coordinate"));
        }
    }

    /** A title from the first sentence of the content, for channels (Open311) that give none. */
    static String summarise(String content) {
        String first = content.strip().split("[。！？!?\\n]", 2)[0].strip();
        if (first.isEmpty()) {
            first = content.strip();
        }
        return first.codePointCount(0, first.length()) <= 40 ? first
                : first.substring(0, first.offsetByCodePoints(0, 40)) + "…";
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
