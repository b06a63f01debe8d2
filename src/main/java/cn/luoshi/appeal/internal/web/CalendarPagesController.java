package cn.luoshi.appeal.internal.web;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;

import cn.luoshi.appeal.internal.CalendarNotices;
import cn.luoshi.appeal.internal.SharedSettings;
import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.error.DomainException;
import cn.luoshi.common.error.FieldProblem;
import cn.luoshi.common.web.FormErrors;
import cn.luoshi.common.web.Messages;
import cn.luoshi.org.LuoshiUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The working-day calendar page: the years whose holiday notice is recorded, one year's entries, and for who may
 * change the shared settings the form to enter or import a year's notice, shown as a preview before it is written.
 */
@Controller
@RequestMapping("/appeals/calendar")
@PreAuthorize(CalendarApiController.STAFF)
class CalendarPagesController {

    /** A notice's text is a few dozen lines; a file much larger is not one. */
    private static final long MAX_FILE_BYTES = 64 * 1024;

    private final CalendarNotices notices;
    private final SharedSettings settings;
    private final Messages messages;
    private final Clock clock;
    private final LuoshiProperties properties;

    CalendarPagesController(CalendarNotices notices, SharedSettings settings, Messages messages, Clock clock,
                            LuoshiProperties properties) {
        this.notices = notices;
        this.settings = settings;
        this.messages = messages;
        this.clock = clock;
        this.properties = properties;
    }

    @GetMapping
    String page(@AuthenticationPrincipal LuoshiUser me, @RequestParam(required = false) Integer year, Model model) {
        int y = year != null ? year : defaultYear();
        return show(me, y, model);
    }

    private int defaultYear() {
        var coverage = notices.coverage();
        return coverage.warning() != null ? coverage.warning().year()
                : LocalDate.now(clock.withZone(properties.zone())).getYear();
    }

    private String show(LuoshiUser me, int year, Model model) {
        try {
            model.addAttribute("notice", notices.year(year));
        } catch (DomainException e) {
            return "redirect:/appeals/calendar";
        }
        model.addAttribute("coverage", notices.coverage());
        model.addAttribute("year", year);
        model.addAttribute("canChange", settings.mayChange(me));
        if (!model.containsAttribute("text")) {
            model.addAttribute("text", "");
        }
        return "appeal/calendar";
    }

    /** Shows what the notice would change; the confirmation posts the same text again. */
    @PostMapping("/preview")
    String preview(@AuthenticationPrincipal LuoshiUser me, @RequestParam int year,
                   @RequestParam(required = false) String source, @RequestParam(required = false) String text,
                   @RequestParam(required = false) MultipartFile file, Model model) {
        String notice = text;
        try {
            if (file != null && !file.isEmpty()) {
                notice = read(file);
            }
            model.addAttribute("preview", notices.preview(year, notice, me));
        } catch (DomainException e) {
            FormErrors.addTo(model, e, messages);
        }
        model.addAttribute("text", notice == null ? "" : notice);
        model.addAttribute("source", source);
        return show(me, year, model);
    }

    @PostMapping("/apply")
    String apply(@AuthenticationPrincipal LuoshiUser me, @RequestParam int year,
                 @RequestParam(required = false) String source, @RequestParam(required = false) String text,
                 @RequestParam(required = false) Integer version, Model model, RedirectAttributes redirect) {
        try {
            var applied = notices.apply(year, source, text, version, me);
            redirect.addFlashAttribute("flashSuccess", messages.get("appeal.calendar.applied", year,
                    applied.holidays(), applied.workdays(), applied.movedDeadlines().size()));
            return "redirect:/appeals/calendar?year=" + year;
        } catch (DomainException e) {
            FormErrors.addTo(model, e, messages);
            model.addAttribute("text", text == null ? "" : text);
            model.addAttribute("source", source);
            return show(me, year, model);
        }
    }

    /** The file's text: UTF-8, or GB18030 as spreadsheets saved on Chinese Windows write it. */
    private static String read(MultipartFile file) {
        if (file.getSize() > MAX_FILE_BYTES) {
            throw DomainException.invalidFields(java.util.List.of(new FieldProblem("file",
                    "appeal.calendar.error.file")));
        }
        try {
            byte[] bytes = file.getBytes();
            var decoder = StandardCharsets.UTF_8.newDecoder();
            try {
                return decoder.decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            } catch (java.nio.charset.CharacterCodingException e) {
                return new String(bytes, Charset.forName("GB18030"));
            }
        } catch (IOException e) {
            throw DomainException.invalidFields(java.util.List.of(new FieldProblem("file",
                    "appeal.calendar.error.file")));
        }
    }
}
