package cn.luoshi.appeal.internal.web;

import cn.luoshi.appeal.internal.CalendarNotices;
import cn.luoshi.org.LuoshiUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The working-day calendar: which years hold their State Council holiday notice (and the warning before one that
 * does not begins), a year's entries, and the import of a year's notice: preview first, then write.
 */
@RestController
@RequestMapping("/api/v1/calendar")
class CalendarApiController {

    static final String STAFF = "isAuthenticated() and !hasRole('ENTERPRISE')";

    private final CalendarNotices notices;

    CalendarApiController(CalendarNotices notices) {
        this.notices = notices;
    }

    /** Staff only: the years name the officials who recorded them (enterprises see no officials' names). */
    @GetMapping("/coverage")
    @PreAuthorize(STAFF)
    CalendarNotices.Coverage coverage() {
        return notices.coverage();
    }

    @GetMapping("/{year}")
    @PreAuthorize(STAFF)
    CalendarNotices.YearNotice year(@PathVariable int year) {
        return notices.year(year);
    }

    /**
     * A year's notice as text, one entry a line: {@code 2027-01-01,休,元旦}, a range
     * {@code 2027-02-06~2027-02-14,休,春节}, {@code 2027-02-20,班,春节调休上班}.
     *
     * @param source  the notice it comes from (e.g. 国办发明电〔2026〕N号)
     * @param version the version of the year's recorded notice the change is made on; absent for a new year
     */
    record NoticeRequest(@NotBlank String text, String source, Integer version) {
    }

    /** What writing the notice would change: days added, changed, removed, and the deadlines it moves. */
    @PostMapping("/{year}/preview")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    CalendarNotices.NoticePreview preview(@AuthenticationPrincipal LuoshiUser me, @PathVariable int year,
                                          @Valid @RequestBody NoticeRequest r) {
        return notices.preview(year, r.text(), me);
    }

    /** Writes the year's notice: its entries replace the year's, in one change. */
    @PutMapping("/{year}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    CalendarNotices.NoticePreview apply(@AuthenticationPrincipal LuoshiUser me, @PathVariable int year,
                                        @Valid @RequestBody NoticeRequest r) {
        return notices.apply(year, r.source(), r.text(), r.version(), me);
    }

    /** Withdraws a year's notice (recorded for the wrong year, say): its days count Monday to Friday again. */
    @DeleteMapping("/{year}")
    @PreAuthorize("hasAnyRole('SUPERVISOR', 'ADMIN')")
    CalendarNotices.NoticePreview remove(@AuthenticationPrincipal LuoshiUser me, @PathVariable int year,
                                         @RequestParam @NotNull Integer version) {
        return notices.remove(year, version, me);
    }
}
