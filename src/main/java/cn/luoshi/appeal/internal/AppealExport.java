package cn.luoshi.appeal.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.luoshi.appeal.Appeal;
import cn.luoshi.appeal.AppealQuery;
import cn.luoshi.appeal.AppealUnit;
import cn.luoshi.common.LuoshiProperties;
import cn.luoshi.common.excel.Spreadsheets;
import cn.luoshi.common.web.Downloads;
import cn.luoshi.common.web.Messages;
import cn.luoshi.org.LuoshiUser;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Component;

/** The appeal list as an Excel workbook, within the reader's scope and filters. */
@Component
public class AppealExport {

    /** A workbook beyond this is no longer read by people; narrow the filters instead. */
    public static final int MAX_ROWS = 20_000;

    private final AppealRepository repository;
    private final Messages messages;
    private final Clock clock;

    AppealExport(AppealRepository repository, Messages messages, Clock clock, LuoshiProperties properties) {
        this.repository = repository;
        this.messages = messages;
        this.clock = clock.withZone(properties.zone());
    }

    public void write(AppealQuery query, LuoshiUser me, HttpServletResponse response) throws IOException {
        List<List<?>> rows = new ArrayList<>();
        repository.forEach(query, me.scope(), OffsetDateTime.now(clock), MAX_ROWS, a -> rows.add(row(a)));
        List<String> headers = List.of("code", "enterprise", "creditCode", "contact", "phone", "category", "title",
                "content", "channel", "status", "responsibleUnit", "coUnits", "submittedAt", "acceptDueAt",
                "acceptedAt", "answerDueAt", "answeredAt", "answer", "rating", "overdue").stream()
                .map(h -> messages.get("appeal.field." + h)).toList();
        String name = messages.get("appeal.export.filename") + "-" + LocalDate.now(clock) + ".xlsx";
        Downloads.start(response, Downloads.XLSX, name);
        Spreadsheets.writeXlsx(response.getOutputStream(), messages.get("appeal.export.sheet"), headers, rows);
    }

    private List<?> row(Appeal a) {
        List<Object> r = new ArrayList<>();
        r.add(a.code());
        r.add(a.enterpriseName());
        r.add(a.creditCode());
        r.add(a.contactName());
        r.add(a.contactPhone());
        r.add(a.categoryName());
        r.add(a.title());
        r.add(a.content());
        r.add(messages.get("appeal.channel." + a.channel()));
        r.add(messages.get("appeal.status." + a.status()));
        r.add(a.responsibleUnit() == null ? "" : a.responsibleUnit().name());
        r.add(a.coUnits().stream().map(AppealUnit::name).collect(Collectors.joining("、")));
        r.add(a.submittedAt());
        r.add(a.acceptDueAt());
        r.add(a.acceptedAt());
        r.add(a.answerDueAt());
        r.add(a.answeredAt());
        r.add(a.answer());
        r.add(a.rating() == null ? "" : messages.get("appeal.rating." + a.rating()));
        r.add(a.overdue() ? messages.get("common.yes") : "");
        return r;
    }
}
