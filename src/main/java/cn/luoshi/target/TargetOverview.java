package cn.luoshi.target;

import java.time.LocalDate;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.luoshi.common.web.Paging;
import cn.luoshi.indicator.Indicator;
import cn.luoshi.indicator.Indicators;
import cn.luoshi.org.LuoshiUser;
import cn.luoshi.target.internal.Attainment;
import cn.luoshi.target.internal.TargetRepository;
import org.springframework.stereotype.Service;

/**
 * Targets for overviews such as the leader cockpit: per indicator asked for, the unit's own target running in the
 * year and its attainment as the target list shows it ({@code /targets?unit=…&year=…&asOf=…}), without the
 * decomposition below it.
 */
@Service
public class TargetOverview {

    private final TargetRepository repository;
    private final Targets targets;
    private final Indicators indicators;
    private final Attainment attainment;

    TargetOverview(TargetRepository repository, Targets targets, Indicators indicators, Attainment attainment) {
        this.repository = repository;
        this.targets = targets;
        this.indicators = indicators;
        this.attainment = attainment;
    }

    /**
     * By indicator code: the progress of the unit's target for it (a published one before a draft), judged as of
     * {@code asOf} (the data of the last month complete before that day). Indicators without a target are absent.
     */
    public Map<String, TargetProgress> progress(long unitId, int year, LocalDate asOf, Collection<String> codes,
                                                LuoshiUser me) {
        Map<Integer, String> wanted = new LinkedHashMap<>();
        for (String code : codes) {
            indicators.findByCode(code).map(Indicator::id).ifPresent(id -> wanted.put(id, code));
        }
        Map<String, TargetRepository.Row> chosen = new LinkedHashMap<>();
        for (TargetRepository.Row row : repository.list(me.scope(), unitId, year, null,
                new Paging(0, Paging.MAX_SIZE))) {
            String code = wanted.get(row.indicatorId());
            if (code == null) {
                continue;
            }
            TargetRepository.Row seen = chosen.get(code);
            if (seen == null || (seen.status() != TargetStatus.PUBLISHED && row.status() == TargetStatus.PUBLISHED)) {
                chosen.put(code, row);
            }
        }
        Map<String, TargetProgress> result = new LinkedHashMap<>();
        for (var entry : chosen.entrySet()) {
            result.put(entry.getKey(), attainment.evaluate(targets.toTarget(entry.getValue()), year, asOf));
        }
        return result;
    }
}
