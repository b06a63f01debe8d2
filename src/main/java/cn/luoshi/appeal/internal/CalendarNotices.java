package cn.luoshi.appeal.internal;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.luoshi.appeal.AppealStatus;
import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.events.AuditRecord;
import cn.luoshi.common.web.Messages;
import cn.luoshi.org.LuoshiUser;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.StringUtils;

/**
 * The holiday notices of the working-day calendar: which years it holds and the warning before a year without a
 * notice begins; a year's notice entered or imported as text (one day or range a line: date, 休/班, name), shown as
 * a preview of what changes (days added, changed, removed, and the open appeals' deadlines it moves), then written
 * as one change that replaces the year's entries, recounts those deadlines and is audited. Only who may change
 * the {@link SharedSettings} writes.
 */
@Service
public class CalendarNotices {

    /** How long before 1 January a year without a notice is announced to the offices that can import it. */
    public static final int WARNING_DAYS = 60;
    static final int MAX_LINES = 400;
    static final int MAX_NAME = 60;
    static final int MAX_SOURCE = 200;
    private static final Pattern LINE = Pattern.compile(
            "^\\s*(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})(?:\\s*(?:~|～|至|\\.\\.)\\s*(\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}))?"
                    + "\\s*[,，\\t ]\\s*(休|班|放假|上班)\\s*(?:[,，\\t ]\\s*(.*?))?\\s*$");
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final CalendarRepository repository;
    private final WorkingCalendar calendar;
    private final SharedSettings settings;
    private final AppealRepository appeals;
    private final ApplicationEventPublisher events;
    private final Messages messages;
    private final Clock clock;
    private final ZoneId zone;

    CalendarNotices(CalendarRepository repository, WorkingCalendar calendar, SharedSettings settings,
                    AppealRepository appeals, ApplicationEventPublisher events, Messages messages, Clock clock,
                    LuoshiProperties properties) {
        this.repository = repository;
        this.calendar = calendar;
        this.settings = settings;
        this.appeals = appeals;
        this.events = events;
        this.messages = messages;
        this.clock = clock;
        this.zone = properties.zone();
    }

    // ------------------------------------------------------------------------------------------ reading

    /** Which years the calendar holds, and the warning when a year without a notice begins within 60 days. */
    public Coverage coverage() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        List<CalendarYear> years = repository.years();
        CalendarView view = calendar.view();
        return new Coverage(today, years.stream().map(CalendarYear::year).sorted().toList(),
                warning(view, today).orElse(null), years);
    }

    /** A year of the calendar: its notice (when recorded) and its entries. */
    public YearNotice year(int year) {
        checkYear(year);
        return new YearNotice(year, repository.year(year).orElse(null), repository.days(year));
    }

    /** The warning for the user's pages: only for who can import the missing notice. */
    public Optional<Warning> warningFor(LuoshiUser me) {
        if (!settings.mayChange(me)) {
            return Optional.empty();
        }
        return warning(calendar.view(), LocalDate.now(clock.withZone(zone)));
    }

    private static Optional<Warning> warning(CalendarView view, LocalDate today) {
        if (!view.covers(today.getYear())) {
            return Optional.of(new Warning(today.getYear(), LocalDate.of(today.getYear(), 1, 1), 0));
        }
        LocalDate next = LocalDate.of(today.getYear() + 1, 1, 1);
        long days = ChronoUnit.DAYS.between(today, next);
        if (!view.covers(next.getYear()) && days <= WARNING_DAYS) {
            return Optional.of(new Warning(next.getYear(), next, (int) days));
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------------------------------ changing

    /** What writing {@code text} as the year's notice would change; nothing is written. */
    public NoticePreview preview(int year, String text, LuoshiUser me) {
        settings.requireMayChange(me);
        List<CalendarDay> days = parse(year, text);
        CalendarView before = calendar.view();
        return compare(year, before, repository.days(year), days,
                recount(before, before.withYear(year, days, true), year, year));
    }

    /**
     * Writes the year's notice in one transaction: its entries replace the year's, the year counts as covered, the
     * open appeals' deadlines over its days are recounted, and the audit log keeps before and after.
     *
     * @param expectedVersion the version of the year's notice the preview was made on; null for a year not yet
     *                        recorded (409 when someone recorded or changed it meanwhile)
     */
    @Transactional
    public NoticePreview apply(int year, String source, String text, Integer expectedVersion, LuoshiUser me) {
        settings.requireMayChange(me);
        List<CalendarDay> days = parse(year, text);
        String from = source == null ? "" : source.strip();
        if (from.isEmpty()) {
            throw DomainException.invalidFields(List.of(new FieldProblem("source", "validation.NotBlank")));
        }
        if (from.length() > MAX_SOURCE) {
            throw DomainException.invalidFields(List.of(new FieldProblem("source", "validation.tooLong",
                    MAX_SOURCE)));
        }
        CalendarView before = calendar.view();
        List<CalendarDay> old = repository.days(year);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (!repository.recordYear(year, from, me.getUsername(), now, expectedVersion)) {
            throw DomainException.staleVersion(messages.chinese("appeal.calendar.yearName", year));
        }
        List<DeadlineMove> moves = recount(before, before.withYear(year, days, true), year, year);
        NoticePreview result = compare(year, before, old, days, moves);
        repository.replaceDays(year, days);
        repository.raiseRevision();
        move(moves, now, me, "appeal.calendar.movedByNotice", year);
        events.publishEvent(new AuditRecord("appeal.calendar.notice", "WorkingCalendar", String.valueOf(year), null,
                messages.chinese("appeal.calendar.audit.notice", year, from, result.holidays(), result.workdays(),
                        moves.size()),
                Map.of("days", old), Map.of("source", from, "days", days, "movedDeadlines", moveCodes(moves))));
        reloadAfterCommit();
        return result;
    }

    /** Withdraws a year's notice (e.g. one recorded for the wrong year): its days count Monday to Friday again. */
    @Transactional
    public NoticePreview remove(int year, int expectedVersion, LuoshiUser me) {
        settings.requireMayChange(me);
        checkYear(year);
        CalendarView before = calendar.view();
        List<CalendarDay> old = repository.days(year);
        if (!repository.removeYear(year, expectedVersion)) {
            throw repository.year(year).isPresent()
                    ? DomainException.staleVersion(messages.chinese("appeal.calendar.yearName", year))
                    : DomainException.notFound("appeal.calendar.notice", year);
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<DeadlineMove> moves = recount(before, before.withYear(year, List.of(), false), year, year);
        NoticePreview result = compare(year, before, old, List.of(), moves);
        repository.replaceDays(year, List.of());
        repository.raiseRevision();
        move(moves, now, me, "appeal.calendar.movedByRemoval", year);
        events.publishEvent(new AuditRecord("appeal.calendar.removed", "WorkingCalendar", String.valueOf(year), null,
                messages.chinese("appeal.calendar.audit.removed", year, moves.size()), Map.of("days", old),
                Map.of("movedDeadlines", moveCodes(moves))));
        reloadAfterCommit();
        return result;
    }

    /** Sets one day (a correction of a recorded notice); the year's coverage does not change. */
    @Transactional
    public CalendarDay setDay(LocalDate day, boolean working, String note, LuoshiUser me) {
        settings.requireMayChange(me);
        checkYear(day.getYear());
        String name = StringUtils.hasText(note) ? note.strip() : "";
        String problem = entryProblem(day, working, name);
        if (problem != null) {
            throw DomainException.invalidFields(List.of(problem.equals("workday")
                    ? new FieldProblem("working", "appeal.calendar.error.workdayOnWeekday", day)
                    : new FieldProblem("note", "appeal.calendar.error.name", MAX_NAME)));
        }
        CalendarView before = calendar.view();
        Optional<CalendarDay> old = repository.day(day);
        CalendarDay entry = new CalendarDay(day, working, name);
        repository.setDay(entry);
        repository.raiseRevision();
        List<DeadlineMove> moves = recount(before, before.withDay(day, working), day.getYear(), day.getYear());
        move(moves, OffsetDateTime.now(clock), me, "appeal.calendar.movedByDay", day.toString());
        events.publishEvent(new AuditRecord("appeal.calendar.updated", "WorkingCalendar", day.toString(), null,
                messages.chinese(working ? "appeal.calendar.audit.workday" : "appeal.calendar.audit.holiday", day,
                        name, moves.size()),
                old.orElse(null), Map.of("day", entry, "movedDeadlines", moveCodes(moves))));
        reloadAfterCommit();
        return entry;
    }

    // ------------------------------------------------------------------------------------------ the text

    /**
     * Reads a notice: one entry a line, {@code 2027-01-01,休,元旦} or a range {@code 2027-02-06~2027-02-14,休,春节};
     * {@code 班} (or 上班) is a weekend day worked, {@code 休} (or 放假) a holiday. Blank lines, lines starting with
     * {@code #} and a header line are skipped. Every problem is reported with its line number; nothing is kept then.
     */
    public List<CalendarDay> parse(int year, String text) {
        checkYear(year);
        List<FieldProblem> problems = new ArrayList<>();
        Map<LocalDate, CalendarDay> days = new TreeMap<>();
        String[] lines = text == null ? new String[0] : text.replace("\r", "").replace("\uFEFF", "").split("\n");
        if (lines.length > MAX_LINES) {
            throw DomainException.invalidFields(List.of(new FieldProblem("text", "appeal.calendar.error.tooLong",
                    MAX_LINES)));
        }
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("#") || (days.isEmpty() && isHeader(line))) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                problems.add(new FieldProblem("text", "appeal.calendar.error.line", number, line));
                continue;
            }
            LocalDate first = date(m.group(1));
            LocalDate last = m.group(2) == null ? first : date(m.group(2));
            boolean working = m.group(3).equals("班") || m.group(3).equals("上班");
            String name = m.group(4) == null ? "" : m.group(4).strip();
            if (first == null || last == null) {
                problems.add(new FieldProblem("text", "appeal.calendar.error.date", number, line));
                continue;
            }
            if (first.getYear() != year || last.getYear() != year || last.isBefore(first)) {
                problems.add(new FieldProblem("text", "appeal.calendar.error.otherYear", number, year));
                continue;
            }
            for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
                String problem = entryProblem(d, working, name);
                if (problem != null) {
                    problems.add(problem.equals("workday")
                            ? new FieldProblem("text", "appeal.calendar.error.lineWorkdayOnWeekday", number, d)
                            : new FieldProblem("text", "appeal.calendar.error.lineName", number, MAX_NAME));
                    break;
                }
                if (days.containsKey(d)) {
                    problems.add(new FieldProblem("text", "appeal.calendar.error.twice", number, d));
                    break;
                }
                days.put(d, new CalendarDay(d, working, name.isEmpty() ? defaultName(working) : name));
            }
        }
        if (problems.isEmpty() && days.isEmpty()) {
            problems.add(new FieldProblem("text", "appeal.calendar.error.empty"));
        }
        if (!problems.isEmpty()) {
            throw DomainException.invalidFields(problems);
        }
        return List.copyOf(days.values());
    }

    /** "workday" for 班 on a weekday (a 调休 working day is always a weekend day), "name" for a bad name. */
    private static String entryProblem(LocalDate day, boolean working, String name) {
        boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
        if (working && !weekend) {
            return "workday";
        }
        if (name.length() > MAX_NAME || name.codePoints().anyMatch(Character::isISOControl)) {
            return "name";
        }
        return null;
    }

    private String defaultName(boolean working) {
        return messages.chinese(working ? "appeal.calendar.kind.work" : "appeal.calendar.kind.off");
    }

    private static boolean isHeader(String line) {
        String l = line.toLowerCase(java.util.Locale.ROOT);
        return l.startsWith("date") || l.startsWith("日期");
    }

    private static LocalDate date(String text) {
        String[] parts = text.split("[-/.]");
        try {
            return LocalDate.of(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2]));
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static void checkYear(int year) {
        if (year < 1949 || year > 2200) {
            throw DomainException.invalidFields(List.of(new FieldProblem("year", "appeal.calendar.error.year")));
        }
    }

    // ------------------------------------------------------------------------------------------ deadlines

    /**
     * The running deadlines a change of the calendar moves: each keeps its length as the calendar before the
     * change counted it (working days for the answer, office minutes for signing for it), counted again with the
     * calendar after the change from the same start.
     */
    List<DeadlineMove> recount(CalendarView before, CalendarView after, int fromYear, int toYear) {
        OffsetDateTime from = LocalDate.of(fromYear, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = LocalDate.of(toYear + 1, 1, 1).atStartOfDay(zone).toOffsetDateTime();
        List<DeadlineMove> moves = new ArrayList<>();
        for (CalendarRepository.RunningDeadline d : repository.runningDeadlines(from, to)) {
            OffsetDateTime accept = d.acceptDueAt();
            if (d.status() == AppealStatus.DISPATCHED && accept != null && d.dispatchedAt() != null) {
                ZonedDateTime start = d.dispatchedAt().atZoneSameInstant(zone);
                long minutes = before.workingMinutesBetween(start, accept.atZoneSameInstant(zone));
                accept = after.plusWorkingMinutes(start, minutes).toOffsetDateTime();
            }
            ZonedDateTime answerFrom = d.answerFrom().atZoneSameInstant(zone);
            int days = before.workingDaysBetween(answerFrom, d.answerDueAt().atZoneSameInstant(zone));
            OffsetDateTime answer = after.plusWorkingDays(answerFrom, days).toOffsetDateTime();
            if (!sameInstant(accept, d.acceptDueAt()) || !answer.isEqual(d.answerDueAt())) {
                moves.add(new DeadlineMove(d.id(), d.code(), d.status(),
                        d.responsibleUnitId() != null ? d.responsibleUnitId() : d.dispatchUnitId(),
                        d.acceptDueAt(), accept, d.answerDueAt(), answer));
            }
        }
        return moves;
    }

    private void move(List<DeadlineMove> moves, OffsetDateTime now, LuoshiUser me, String noteCode, Object what) {
        for (DeadlineMove m : moves) {
            repository.moveDeadlines(m.appealId(), m.acceptAfter(), m.answerAfter());
            String note = messages.chinese(noteCode, what, show(m.answerBefore()), show(m.answerAfter()));
            appeals.addEvent(m.appealId(), now, me.displayName(), "DEADLINE", m.status(), m.status(), null, null,
                    note);
        }
    }

    private static List<String> moveCodes(List<DeadlineMove> moves) {
        return moves.stream().map(m -> m.code() + " " + m.answerBefore() + " → " + m.answerAfter()).toList();
    }

    private String show(OffsetDateTime t) {
        return t == null ? "—" : SHOWN.format(t.atZoneSameInstant(zone));
    }

    private static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return Objects.equals(a == null ? null : a.toInstant(), b == null ? null : b.toInstant());
    }

    private static NoticePreview compare(int year, CalendarView before, List<CalendarDay> current,
                                         List<CalendarDay> days, List<DeadlineMove> moves) {
        Map<LocalDate, CalendarDay> old = new LinkedHashMap<>();
        current.forEach(d -> old.put(d.day(), d));
        List<CalendarDay> added = new ArrayList<>();
        List<DayChange> changed = new ArrayList<>();
        int unchanged = 0;
        for (CalendarDay d : days) {
            CalendarDay was = old.remove(d.day());
            if (was == null) {
                added.add(d);
            } else if (was.working() != d.working() || !was.note().equals(d.note())) {
                changed.add(new DayChange(d.day(), was, d));
            } else {
                unchanged++;
            }
        }
        int holidays = (int) days.stream().filter(d -> !d.working()).count();
        return new NoticePreview(year, before.covers(year), days, added, changed, List.copyOf(old.values()),
                unchanged, holidays, days.size() - holidays, moves);
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    calendar.reload();
                }
            });
        } else {
            calendar.reload();
        }
    }

    // ------------------------------------------------------------------------------------------ records

    /** The years held, and the warning (null when none) that a year without a notice begins soon. */
    public record Coverage(LocalDate today, List<Integer> coveredYears, Warning warning, List<CalendarYear> years) {
    }

    /** A year without a notice that begins in {@code daysLeft} days (0: it has begun). */
    public record Warning(int year, LocalDate startsOn, int daysLeft) {
    }

    /** A year: its recorded notice (null when none) and its entries. */
    public record YearNotice(int year, CalendarYear notice, List<CalendarDay> days) {
    }

    /** A day whose entry the notice changes. */
    public record DayChange(LocalDate day, CalendarDay before, CalendarDay after) {
    }

    /** An open appeal's deadlines before and after a change of the calendar. */
    public record DeadlineMove(long appealId, String code, AppealStatus status, long unitId,
                               OffsetDateTime acceptBefore, OffsetDateTime acceptAfter, OffsetDateTime answerBefore,
                               OffsetDateTime answerAfter) {
    }

    /**
     * What a notice changes: the days added, changed and removed against the year's entries, how many stay, and
     * the open appeals whose deadlines move.
     */
    public record NoticePreview(int year, boolean wasCovered, List<CalendarDay> days, List<CalendarDay> added,
                                List<DayChange> changed, List<CalendarDay> removed, int unchanged, int holidays,
                                int workdays, List<DeadlineMove> movedDeadlines) {
    }
}
