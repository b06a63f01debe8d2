package cn.luoshi.appeal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import cn.luoshi.appeal.internal.AppealCatalog;
import cn.luoshi.appeal.internal.AppealOperation;
import cn.luoshi.appeal.internal.AppealRepository;
import cn.luoshi.appeal.internal.AppealRules;
import cn.luoshi.appeal.internal.AppealStanding;
import cn.luoshi.appeal.internal.AppealState;
import cn.luoshi.appeal.internal.Intake;
import cn.luoshi.appeal.internal.WorkingCalendar;
import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.PageResponse;
import cn.luoshi.common.web.Paging;
import cn.luoshi.notify.NotificationRequested;
import cn.luoshi.notify.Recipients;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.org.OrgUnit;
import cn.luoshi.org.OrgUnits;
import cn.luoshi.org.Role;
import cn.luoshi.org.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MultipartFile;

/**
 * Enterprise appeals: filing from every channel and every guarded change of state afterwards. Each change asks
 * {@link AppealRules} — the actor's role towards the appeal (dispatching office, responsible unit, the enterprise
 * itself, supervisor), then the current status (409 with a Chinese message otherwise, nothing changed) — uses
 * optimistic locking, and
 * records the step in the appeal's history, the audit log and, where someone must act, their inbox.
 */
@Service
public class Appeals {

    static final int MAX_ANSWER = 4000;
    static final int MAX_REASON = 1000;

    private final AppealRepository repository;
    private final AppealCatalog catalog;
    private final Intake intake;
    private final WorkingCalendar calendar;
    private final OrgUnits units;
    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ZoneId zone;
    private final UserDirectory directory;

    Appeals(AppealRepository repository, AppealCatalog catalog, Intake intake, WorkingCalendar calendar,
            OrgUnits units, ApplicationEventPublisher events, JdbcClient jdbc, Clock clock,
            LuoshiProperties properties, UserDirectory directory) {
        this.directory = directory;
        this.repository = repository;
        this.catalog = catalog;
        this.intake = intake;
        this.calendar = calendar;
        this.units = units;
        this.events = events;
        this.jdbc = jdbc;
        this.clock = clock;
        this.zone = properties.zone();
    }

    // ---------------------------------------------------------------------------------------------- filing

    /**
     * Files an appeal for a signed-in user: staff entering what they heard (phone, visit, 座谈会, on-site meeting),
     * another module or system (API, project problem), or an enterprise account (always its own credit code).
     * A likely duplicate of an open appeal the actor can see is refused with 409 unless {@code confirmDuplicate}.
     */
    @Transactional
    public FiledAppeal file(NewAppeal cmd, LuoshiUser actor) {
        return intake.file(cmd, actor, List.of(), null);
    }

    /** Files with attachments (stored through the file store, checked by content and size). */
    @Transactional
    public FiledAppeal file(NewAppeal cmd, LuoshiUser actor, List<MultipartFile> files) {
        return intake.file(cmd, actor, files, null);
    }

    /** The public intake: nobody is signed in; a likely duplicate is only flagged for the dispatcher. */
    @Transactional
    public FiledAppeal filePublic(NewAppeal cmd, List<MultipartFile> files) {
        return intake.file(cmd, null, files, null);
    }

    /** Filing by an Open311 client system (identified by its API key). */
    @Transactional
    public FiledAppeal fileForClient(NewAppeal cmd, long open311ClientId) {
        return intake.file(cmd, null, List.of(), open311ClientId);
    }

    // ---------------------------------------------------------------------------------------------- reading

    public Appeal get(long id, LuoshiUser me) {
        return repository.find(id, me.scope(), now()).orElseThrow(() -> DomainException.notFound("appeal.appeal", id));
    }

    public PageResponse<Appeal> list(AppealQuery query, LuoshiUser me, Paging paging) {
        return repository.list(query, me.scope(), paging, now());
    }

    public List<AppealHistoryEntry> history(long id, LuoshiUser me) {
        get(id, me);
        List<AppealHistoryEntry> entries = repository.history(id);
        return me.has(Role.ENTERPRISE) ? withoutActors(entries) : entries;
    }

    /**
     * Enterprises see what happened and when, not which official did it, and not the office's callbacks (an
     * internal check on the handling, with the official's notes).
     */
    private static List<AppealHistoryEntry> withoutActors(List<AppealHistoryEntry> entries) {
        return entries.stream().filter(e -> !"CALLBACK".equals(e.action()))
                .map(e -> new AppealHistoryEntry(e.at(), null, e.action(), e.fromStatus(),
                e.toStatus(), e.fromUnit(), e.toUnit(), e.note())).toList();
    }

    /** The one appeal a follow-up token opens, or "not found" for a wrong code or token. */
    public Appeal byToken(String code, String token) {
        Optional<Long> id = code == null ? Optional.empty() : repository.idByCode(code.strip());
        if (id.isEmpty() || !intake.tokenMatches(id.get(), token)) {
            throw DomainException.notFound("appeal.appeal", code == null ? "" : code);
        }
        return repository.findUnscoped(id.get(), now()).orElseThrow();
    }

    /** The same by the appeal's id (the rating endpoint addresses appeals by id). */
    public Appeal byToken(long id, String token) {
        if (!intake.tokenMatches(id, token)) {
            throw DomainException.notFound("appeal.appeal", id);
        }
        return repository.findUnscoped(id, now()).orElseThrow();
    }

    public List<AppealHistoryEntry> historyByToken(String code, String token) {
        return withoutActors(repository.history(byToken(code, token).id()));
    }

    /** Units the appeal may be dispatched or transferred to: the region of its dispatching office. */
    public List<OrgUnit> dispatchTargets(Appeal appeal) {
        OrgUnit region = regionOf(appeal.dispatchUnit().id());
        return units.subtree(region.id()).stream().filter(OrgUnit::active).toList();
    }

    // ---------------------------------------------------------------------------------------------- roles

    /** The dispatching office's people, or a supervisor whose scope covers the appeal. */
    public boolean isDispatcher(Appeal a, LuoshiUser me) {
        if (me.has(Role.SUPERVISOR)) {
            return true;
        }
        return me.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD) && me.unitId() != null
                && me.unitId() == a.dispatchUnit().id();
    }

    /** A handler or head whose scope covers the responsible unit. */
    public boolean isHandler(Appeal a, LuoshiUser me) {
        if (a.responsibleUnit() == null || !me.hasAny(Role.UNIT_HANDLER, Role.UNIT_HEAD)) {
            return false;
        }
        return units.find(a.responsibleUnit().id()).map(u -> me.scope().covers(u)).orElse(false);
    }

    public boolean isOwner(Appeal a, LuoshiUser me) {
        return me.has(Role.ENTERPRISE) && a.creditCode().equals(me.creditCode());
    }

    /** What the user is to the appeal: what the rule table asks about. */
    private AppealStanding standing(Appeal a, LuoshiUser me) {
        return new AppealStanding(isDispatcher(a, me), isHandler(a, me), isOwner(a, me), me.has(Role.SUPERVISOR));
    }

    /**
     * What this user may do to the appeal now ({@link AppealRules}): the page's buttons and the API's
     * {@code allowedActions}, the same table the changes below obey.
     */
    public List<String> allowedActions(Appeal a, LuoshiUser me) {
        return AppealRules.allowed(a, standing(a, me));
    }

    // ---------------------------------------------------------------------------------------------- transitions

    @Transactional
    public Appeal transition(long id, Transition t, LuoshiUser me) {
        Appeal a = get(id, me);
        if (t.action() == null) {
            throw DomainException.invalidFields(List.of(new FieldProblem("action", "validation.NotNull")));
        }
        if (t.version() != a.version()) {
            throw DomainException.staleVersion(a.code());
        }
        AppealRules.check(AppealOperation.valueOf(t.action().name()), a, standing(a, me));
        OffsetDateTime now = now();
        AppealState before = AppealState.of(a);
        SlaTier tier = tierOf(a);
        return switch (t.action()) {
            case DISPATCH -> {
                OrgUnit target = checkTarget(a, t.unitId(), "unitId");
                List<Long> coUnits = checkCoUnits(a, t.coUnitIds(), target.id());
                AppealState after = before.dispatched(target.id(), now, acceptDue(now, tier));
                Appeal saved = save(a, after, now, me, "DISPATCH", null, target.id(), null,
                        "派发诉求 " + a.code() + " 至「" + target.name() + "」");
                repository.setCoUnits(a.id(), coUnits);
                notifyUnits(saved, target.id(), coUnits);
                yield reload(saved);
            }
            case ACCEPT -> {
                yield save(a, before.accepted(now), now, me, "ACCEPT", a.responsibleUnitId(), a.responsibleUnitId(),
                        null, "签收诉求 " + a.code());
            }
            case ANSWER -> {
                String text = requireText(t.answer(), "answer", MAX_ANSWER);
                Appeal answered = save(a, before.answered(text, now), now, me, "ANSWER", a.responsibleUnitId(),
                        a.responsibleUnitId(), text, "答复诉求 " + a.code());
                // An enterprise with an account hears of the answer in its inbox, and is asked to rate it.
                List<Long> accounts = directory.enterpriseAccounts(answered.creditCode());
                if (!accounts.isEmpty()) {
                    events.publishEvent(new NotificationRequested(Recipients.users(accounts), "APPEAL_ANSWERED",
                            "您的诉求已答复：" + answered.code(), answered.title() + "（请查看答复并评价）",
                            "/appeals/" + answered.id(), "appeal-answered-" + answered.id() + "-"
                                    + answered.reopenCount()));
                }
                yield answered;
            }
            case TRANSFER -> {
                String reason = requireText(t.reason(), "reason", MAX_REASON);
                OrgUnit target = checkTarget(a, t.unitId(), "unitId");
                if (target.id() == a.responsibleUnitId()) {
                    throw DomainException.invalidFields(List.of(new FieldProblem("unitId",
                            "appeal.error.transferSameUnit")));
                }
                AppealState after = before.dispatched(target.id(), now, acceptDue(now, tier));
                Appeal saved = save(a, after, now, me, "TRANSFER", a.responsibleUnitId(), target.id(), reason,
                        "诉求 " + a.code() + " 由「" + a.responsibleUnit().name() + "」转至「" + target.name()
                                + "」：" + reason);
                List<Long> coUnits = a.coUnits().stream().map(AppealUnit::id).filter(u -> u != target.id()).toList();
                repository.setCoUnits(a.id(), coUnits);
                notifyUnits(saved, target.id(), List.of());
                yield reload(saved);
            }
            case CLOSE -> {
                String reason = requireText(t.reason(), "reason", MAX_REASON);
                CloseReason why = t.closeReason() == null ? CloseReason.UNRESOLVABLE : t.closeReason();
                if (why != CloseReason.WITHDRAWN && why != CloseReason.DUPLICATE && why != CloseReason.UNRESOLVABLE) {
                    throw DomainException.invalidFields(List.of(new FieldProblem("closeReason",
                            "appeal.error.closeReason")));
                }
                yield save(a, before.closed(why, now), now, me, "CLOSE", a.responsibleUnitId(),
                        a.responsibleUnitId(), reason, "关闭诉求 " + a.code() + "：" + reason);
            }
            case REOPEN -> {
                String reason = requireText(t.reason(), "reason", MAX_REASON);
                Appeal saved = save(a, before.reopened(answerDue(now, tier), true), now, me, "REOPEN",
                        a.responsibleUnitId(), a.responsibleUnitId(), reason, "重新办理诉求 " + a.code() + "：" + reason);
                notifyUnits(saved, saved.responsibleUnitId(), List.of());
                yield saved;
            }
        };
    }

    /** The enterprise (its account) rates the answer. */
    @Transactional
    public Appeal rate(long id, Rating rating, String comment, Integer version, LuoshiUser me) {
        Appeal a = get(id, me);
        AppealRules.check(AppealOperation.RATE, a, standing(a, me));
        return doRate(a, rating, comment, version, me.getUsername());
    }

    /** The enterprise rates with the follow-up token it received on filing (no account needed). */
    @Transactional
    public Appeal rateWithToken(long id, String token, Rating rating, String comment, Integer version) {
        Appeal a = byToken(id, token);
        AppealRules.check(AppealOperation.RATE, a, AppealStanding.TOKEN_HOLDER);
        return doRate(a, rating, comment, version, "企业（查询码）");
    }

    private Appeal doRate(Appeal a, Rating rating, String comment, Integer version, String actor) {
        if (rating == null) {
            throw DomainException.invalidFields(List.of(new FieldProblem("rating", "validation.NotNull")));
        }
        if (comment != null && comment.length() > MAX_REASON) {
            throw DomainException.invalidFields(List.of(new FieldProblem("comment", "validation.tooLong",
                    MAX_REASON)));
        }
        if (version != null && version != a.version()) {
            throw DomainException.staleVersion(a.code());
        }
        OffsetDateTime now = now();
        String note = messageOf(rating) + (StringUtils.hasText(comment) ? "：" + comment.strip() : "");
        AppealState rated = AppealState.of(a).rated(rating, blankToNull(comment), now);
        AppealState after;
        if (rating.satisfied()) {
            after = rated.closed(CloseReason.RATED, now);
        } else if (a.reopenCount() == 0) {
            // 不满意 reopens the appeal once: the unit answers again within the tier's days, the supervisor watches.
            after = rated.reopened(answerDue(now, tierOf(a)), true);
        } else {
            after = rated.closed(CloseReason.UNSATISFIED_AGAIN, now);
        }
        Appeal saved = saveAs(a, after, now, actor, "RATE", a.responsibleUnitId(), a.responsibleUnitId(), note,
                "企业评价诉求 " + a.code() + "：" + note);
        if (!rating.satisfied() && saved.responsibleUnitId() != null) {
            events.publishEvent(new NotificationRequested(
                    Recipients.overseersOf(saved.responsibleUnitId(), Set.of(Role.SUPERVISOR)), "APPEAL_UNSATISFIED",
                    "企业对诉求答复不满意：" + saved.code(), saved.enterpriseName() + "：" + saved.title(),
                    "/appeals/" + saved.id(), "appeal-unsatisfied-" + saved.id() + "-" + saved.reopenCount()));
            if (saved.status() == AppealStatus.REOPENED) {
                notifyUnits(saved, saved.responsibleUnitId(), List.of());
            }
        }
        return saved;
    }

    // ---------------------------------------------------------------------------------------------- callbacks

    @Transactional
    public AppealCallback recordCallback(long id, CallbackOutcome outcome, String note, LuoshiUser me) {
        Appeal a = get(id, me);
        AppealRules.check(AppealOperation.CALLBACK, a, standing(a, me));
        if (outcome == null) {
            throw DomainException.invalidFields(List.of(new FieldProblem("outcome", "validation.NotNull")));
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 2000) {
            throw DomainException.invalidFields(List.of(new FieldProblem("note", "validation.tooLong", 2000)));
        }
        OffsetDateTime now = now();
        long callbackId = jdbc.sql("""
                        insert into appeal_callback (appeal_id, occurred_at, supervisor, outcome, note)
                        values (?, ?, ?, ?, ?) returning id""")
                .params(a.id(), now, me.getUsername(), outcome.name(), text).query(Long.class).single();
        repository.addEvent(a.id(), now, me.displayName(), "CALLBACK", a.status(), a.status(), null, null,
                outcome.name() + (text.isEmpty() ? "" : "：" + text));
        AppealCallback callback = new AppealCallback(callbackId, a.id(), now, me.getUsername(), outcome, text);
        events.publishEvent(new AuditRecord("appeal.callback", "Appeal", String.valueOf(a.id()), unitOf(a),
                "回访诉求 " + a.code() + "：" + outcome.name(), null, callback));
        return callback;
    }

    /** Appeals to call back: a random sample of the recently closed ones in the supervisor's scope. */
    public List<Appeal> callbackSample(int size, LuoshiUser me) {
        if (!me.has(Role.SUPERVISOR)) {
            throw DomainException.forbidden("appeal.error.onlySupervisor");
        }
        return repository.callbackSample(me.scope(), Math.max(1, Math.min(size, 100)), now());
    }

    /** Callbacks are internal: office roles whose scope covers the appeal read them, enterprises do not. */
    public List<AppealCallback> callbacks(long id, LuoshiUser me) {
        get(id, me);
        if (me.has(Role.ENTERPRISE)) {
            throw DomainException.forbidden("appeal.error.callbacksInternal");
        }
        return jdbc.sql("""
                        select id, appeal_id, occurred_at, supervisor, outcome, note from appeal_callback
                        where appeal_id = ? order by id""")
                .param(id)
                .query((rs, n) -> new AppealCallback(rs.getLong(1), rs.getLong(2),
                        cn.luoshi.common.db.Rows.time(rs, 3), rs.getString(4),
                        CallbackOutcome.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private Appeal save(Appeal a, AppealState after, OffsetDateTime now, LuoshiUser me, String action, Long fromUnit,
                        Long toUnit, String note, String summary) {
        return saveAs(a, after, now, me.displayName(), action, fromUnit, toUnit, note, summary);
    }

    /** Writes the new state if nobody changed the appeal meanwhile, then its history, audit and status event. */
    private Appeal saveAs(Appeal a, AppealState after, OffsetDateTime now, String actor, String action,
                          Long fromUnit, Long toUnit, String note, String summary) {
        if (!repository.update(a.id(), a.version(), after, now)) {
            throw DomainException.staleVersion(a.code());
        }
        repository.addEvent(a.id(), now, actor, action, a.status(), after.status(), fromUnit, toUnit, note);
        Appeal saved = repository.findUnscoped(a.id(), now).orElseThrow();
        events.publishEvent(new AuditRecord("appeal." + action.toLowerCase(java.util.Locale.ROOT), "Appeal",
                String.valueOf(a.id()), unitOf(saved), summary, AuditView.of(a), AuditView.of(saved)));
        if (a.status() != saved.status()) {
            events.publishEvent(new AppealStatusChanged(saved.id(), saved.code(), a.status(), saved.status(),
                    saved.projectId(), saved.taskId(), null));
        }
        return saved;
    }

    private Appeal reload(Appeal a) {
        return repository.findUnscoped(a.id(), now()).orElseThrow();
    }

    /** The compact before/after the audit log keeps (no contact details). */
    record AuditView(String code, AppealStatus status, Long responsibleUnitId, List<Long> coUnitIds, Rating rating,
                     CloseReason closeReason, int reopenCount, boolean supervisorFlag, int version) {
        static AuditView of(Appeal a) {
            return new AuditView(a.code(), a.status(), a.responsibleUnitId(),
                    a.coUnits().stream().map(AppealUnit::id).toList(), a.rating(), a.closeReason(), a.reopenCount(),
                    a.supervisorFlag(), a.version());
        }
    }

    private void notifyUnits(Appeal a, Long unitId, List<Long> coUnits) {
        if (unitId == null) {
            return;
        }
        List<Long> all = new ArrayList<>();
        all.add(unitId);
        all.addAll(coUnits);
        events.publishEvent(new NotificationRequested(Recipients.units(all, Set.of(Role.UNIT_HANDLER, Role.UNIT_HEAD)),
                "APPEAL_DISPATCHED", "新的企业诉求待签收：" + a.code(), a.enterpriseName() + "：" + a.title(),
                "/appeals/" + a.id(), "appeal-dispatch-" + a.id() + "-" + a.version()));
    }

    static Long unitOf(Appeal a) {
        return a.responsibleUnitId() != null ? a.responsibleUnitId() : a.dispatchUnit().id();
    }

    SlaTier tierOf(Appeal a) {
        AppealCategory category = catalog.category(a.categoryCode()).orElseThrow();
        return catalog.tier(category.slaTier()).orElseThrow();
    }

    OffsetDateTime acceptDue(OffsetDateTime from, SlaTier tier) {
        return calendar.plusWorkingHours(from.atZoneSameInstant(zone), tier.acceptHours()).toOffsetDateTime();
    }

    OffsetDateTime answerDue(OffsetDateTime from, SlaTier tier) {
        return calendar.plusWorkingDays(from.atZoneSameInstant(zone), tier.answerDays()).toOffsetDateTime();
    }

    private OrgUnit checkTarget(Appeal a, Long unitId, String field) {
        if (unitId == null) {
            throw DomainException.invalidFields(List.of(new FieldProblem(field, "validation.NotNull")));
        }
        OrgUnit region = regionOf(a.dispatchUnit().id());
        OrgUnit target = units.find(unitId).filter(OrgUnit::active).filter(u -> u.isWithin(region))
                .orElseThrow(() -> DomainException.invalidFields(List.of(new FieldProblem(field,
                        "appeal.error.unitOutside", region.name()))));
        return target;
    }

    private List<Long> checkCoUnits(Appeal a, List<Long> coUnitIds, long responsible) {
        List<Long> result = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(coUnitIds)) {
            if (id != null && id != responsible) {
                result.add(checkTarget(a, id, "coUnitIds").id());
            }
        }
        return result;
    }

    /** The nearest region at or above the unit (a department's city, a district's own region). */
    OrgUnit regionOf(long unitId) {
        return units.regionOf(unitId);
    }

    private static String messageOf(Rating r) {
        return switch (r) {
            case SATISFIED -> "满意";
            case BASICALLY_SATISFIED -> "基本满意";
            case UNSATISFIED -> "不满意";
        };
    }

    private static String requireText(String text, String field, int max) {
        if (!StringUtils.hasText(text)) {
            throw DomainException.invalidFields(List.of(new FieldProblem(field, "validation.NotBlank")));
        }
        if (text.strip().length() > max) {
            throw DomainException.invalidFields(List.of(new FieldProblem(field, "validation.tooLong", max)));
        }
        return text.strip();
    }

    private static String blankToNull(String s) {
        return StringUtils.hasText(s) ? s.strip() : null;
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock);
    }
}
